package com.kakehashi.console.schedule;

import com.kakehashi.console.api.Cadence;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleTimesTest {

    /** Weekly on Mondays from 2027-01-04, Japan 10:00 JST, HQ 09:00 in Berlin (winter: CET). */
    private static Schedule weekly(List<Side> sides) {
        return new Schedule(UUID.randomUUID(), "Pulse", "Pulse", "パルス", UUID.randomUUID(), UUID.randomUUID(), sides,
                List.of(), Cadence.WEEKLY, LocalTime.of(10, 0), LocalTime.of(9, 0), "Europe/Berlin", 5, List.of(),
                LocalDate.of(2027, 1, 4), null, false, null);
    }

    @Test
    void eachSidesSendTimeCarriesItsZoneAndTheViewersWhenItDiffers() {
        var lines = ScheduleTimes.sendTimes(weekly(List.of()), ZoneId.of("Europe/Berlin"), Locale.ENGLISH,
                side -> side == Side.JAPAN ? "Japan" : "HQ");

        assertEquals(List.of("Japan Mon 10:00 JST / 02:00 CET", "HQ Mon 09:00 CET"), lines);
    }

    @Test
    void viewerInTokyoSeesJapanTimeOnceAndHqTimeAlsoInTokyoTimeWithTheDayWhenItChanges() {
        var lines = ScheduleTimes.sendTimes(weekly(List.of(Side.HQ, Side.JAPAN)), ZoneId.of("Asia/Tokyo"), Locale.ENGLISH,
                side -> side.name());

        assertEquals(List.of("HQ Mon 09:00 CET / 17:00 JST", "JAPAN Mon 10:00 JST"), lines);
        assertEquals("10:00 EST / Tue 00:00 JST", ScheduleTimes.withViewer(
                java.time.ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, ZoneId.of("America/New_York")),
                ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
    }

    @Test
    void summerTimeIsTakenFromTheDateOfTheNextOpening() {
        var s = weekly(List.of(Side.HQ));
        var july = new Schedule(s.id(), s.name(), s.surveyTitleEn(), s.surveyTitleJa(), s.engagementId(),
                s.instrumentVersionId(), s.audienceSides(), s.audienceLevels(), s.cadence(), s.japanSendTime(),
                s.hqSendTime(), s.hqTimeZone(), s.daysOpen(), s.reminderOffsetDays(), s.startDate(), null, false,
                OffsetDateTime.of(2027, 7, 5, 7, 0, 0, 0, ZoneOffset.UTC));

        assertEquals(List.of("HQ Mon 09:00 CEST / 16:00 JST"),
                ScheduleTimes.sendTimes(july, ZoneId.of("Asia/Tokyo"), Locale.ENGLISH, Side::name));
        assertEquals("Mon 5 Jul 09:00 CEST / 16:00 JST",
                ScheduleTimes.opening(july, july.nextOpensAt(), ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
    }

    @Test
    void withoutTheViewersZoneTimesKeepTheirOwnZoneOnly() {
        var lines = ScheduleTimes.sendTimes(weekly(List.of(Side.JAPAN)), null, Locale.JAPANESE, side -> "日本法人");

        assertEquals(List.of("日本法人 月 10:00 JST"), lines);
    }
}
