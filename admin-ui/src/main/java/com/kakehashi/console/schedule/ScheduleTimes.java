package com.kakehashi.console.schedule;

import com.kakehashi.console.api.Cadence;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.Side;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every time a schedule shows carries its zone: the schedule's own (JST for Japan, the HQ zone for HQ) and,
 * when it differs, the viewer's, e.g. "Mon 10:00 JST / 02:00 CET". Pure, so it is tested without a browser.
 */
public final class ScheduleTimes {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Zone abbreviations are read the same in both languages (JST, CET, EST). */
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleTimes() {
    }

    /**
     * One line per side asked: "Japan Mon 10:00 JST / 02:00 CET". The weekday is shown for weekly cadences;
     * the conversion uses the next opening's date (or the start date), so summer time is as it will be.
     */
    public static List<String> sendTimes(Schedule s, ZoneId viewer, Locale locale, Function<Side, String> sideName) {
        LocalDate date = s.nextOpensAt() != null ? s.nextOpensAt().atZoneSameInstant(JAPAN).toLocalDate() : s.startDate();
        boolean weekly = s.cadence() == Cadence.WEEKLY || s.cadence() == Cadence.BIWEEKLY;
        var lines = new ArrayList<String>();
        for (Side side : sides(s)) {
            ZoneId zone = side == Side.JAPAN ? JAPAN : ZoneId.of(s.hqTimeZone());
            LocalTime time = side == Side.JAPAN ? s.japanSendTime() : s.hqSendTime();
            if (time == null || date == null) {
                continue;
            }
            ZonedDateTime at = ZonedDateTime.of(date, time, zone);
            String day = weekly ? weekday(at.getDayOfWeek(), locale) + " " : "";
            lines.add(sideName.apply(side) + " " + day + withViewer(at, viewer, locale));
        }
        return lines;
    }

    /** "Mon 8 Dec 10:00 JST / 02:00 CET" in the zone of the side that sends first. */
    public static String opening(Schedule s, OffsetDateTime at, ZoneId viewer, Locale locale) {
        if (at == null) {
            return "";
        }
        ZoneId zone = sides(s).contains(Side.JAPAN) ? JAPAN : ZoneId.of(s.hqTimeZone());
        ZonedDateTime local = at.atZoneSameInstant(zone);
        String date = DateTimeFormatter.ofPattern(locale.getLanguage().equals("ja") ? "M/d (E)" : "EEE d MMM", locale)
                .format(local);
        return date + " " + withViewer(local, viewer, locale);
    }

    /** "10:00 JST", and " / 02:00 CET" when the viewer's zone shows another time or zone name. */
    static String withViewer(ZonedDateTime at, ZoneId viewer, Locale locale) {
        String own = CLOCK.format(at) + " " + ZONE.format(at);
        if (viewer == null) {
            return own;
        }
        ZonedDateTime theirs = at.withZoneSameInstant(viewer);
        String other = CLOCK.format(theirs) + " " + ZONE.format(theirs);
        if (other.equals(own)) {
            return own;
        }
        String day = theirs.toLocalDate().equals(at.toLocalDate()) ? "" : weekday(theirs.getDayOfWeek(), locale) + " ";
        return own + " / " + day + other;
    }

    private static List<Side> sides(Schedule s) {
        return s.audienceSides().isEmpty() ? List.of(Side.JAPAN, Side.HQ)
                : s.audienceSides().stream().filter(x -> x != Side.REGIONAL || !s.audienceSides().contains(Side.HQ)).toList();
    }

    private static String weekday(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }
}
