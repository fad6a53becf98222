package com.kakehashi.schedule;

import com.kakehashi.vocabulary.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OccurrencesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Occurrences weekly(LocalDate start, LocalTime hqTime, ZoneId hqZone) {
        return new Occurrences(Cadence.WEEKLY, start, null, LocalTime.of(9, 0), hqTime, hqZone, 7, Set.of());
    }

    @Test
    void tokyoSendsAtNineLocalAllYearWhileBerlinFollowsItsDaylightSavingChanges() {
        Occurrences schedule = weekly(LocalDate.of(2027, 3, 22), LocalTime.of(9, 0), BERLIN);

        SendPlan beforeSpring = schedule.plan(LocalDate.of(2027, 3, 22)); // CET, UTC+1
        SendPlan afterSpring = schedule.plan(LocalDate.of(2027, 3, 29));  // CEST, UTC+2 (changed 28 March)
        SendPlan afterAutumn = schedule.plan(LocalDate.of(2027, 11, 1));  // CET again (changed 31 October)

        assertThat(beforeSpring.sendAt().get(Side.JAPAN)).isEqualTo(Instant.parse("2027-03-22T00:00:00Z"));
        assertThat(afterSpring.sendAt().get(Side.JAPAN)).isEqualTo(Instant.parse("2027-03-29T00:00:00Z"));
        assertThat(beforeSpring.sendAt().get(Side.HQ)).isEqualTo(Instant.parse("2027-03-22T08:00:00Z"));
        assertThat(afterSpring.sendAt().get(Side.HQ)).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(afterAutumn.sendAt().get(Side.HQ)).isEqualTo(Instant.parse("2027-11-01T08:00:00Z"));
    }

    @Test
    void aSendTimeInTheSpringForwardGapMovesForwardAndAnAmbiguousOneTakesTheEarlierInstant() {
        Occurrences schedule = weekly(LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), NEW_YORK);

        // 14 March 2027: 02:00–03:00 does not exist in New York; 02:30 is sent at 03:30 EDT.
        assertThat(schedule.plan(LocalDate.of(2027, 3, 14)).sendAt().get(Side.HQ))
                .isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
        // 7 November 2027: 01:30 happens twice; the first (EDT) is used, so the wave goes out once.
        Occurrences autumn = weekly(LocalDate.of(2027, 11, 7), LocalTime.of(1, 30), NEW_YORK);
        assertThat(autumn.plan(LocalDate.of(2027, 11, 7)).sendAt().get(Side.HQ))
                .isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
    }

    @Test
    void waveOpensAtTheEarliestSideAndClosesDaysOpenAfterTheLatest() {
        Occurrences schedule = weekly(LocalDate.of(2027, 1, 4), LocalTime.of(9, 0), NEW_YORK);

        SendPlan plan = schedule.plan(LocalDate.of(2027, 1, 4));

        assertThat(plan.opensAt()).isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));   // Tokyo 09:00
        assertThat(plan.closesAt()).isEqualTo(Instant.parse("2027-01-11T14:00:00Z"));  // New York 09:00 + 7 days
    }

    @Test
    void monthlyOnThe31stFallsBackToTheMonthsLastDayWithoutDrifting() {
        Occurrences monthly = new Occurrences(Cadence.MONTHLY, LocalDate.of(2027, 1, 31), null, LocalTime.of(9, 0),
                LocalTime.of(9, 0), BERLIN, 5, Set.of(Side.JAPAN));

        LocalDate february = monthly.after(LocalDate.of(2027, 1, 31)).orElseThrow().occurrenceDate();
        LocalDate march = monthly.after(february).orElseThrow().occurrenceDate();
        LocalDate april = monthly.after(march).orElseThrow().occurrenceDate();

        assertThat(february).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(march).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(april).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void biweeklyAndQuarterlyCountFromTheStartAndStopAtTheEnd() {
        Occurrences biweekly = new Occurrences(Cadence.BIWEEKLY, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 20),
                LocalTime.of(9, 0), LocalTime.of(9, 0), BERLIN, 5, Set.of());
        Occurrences quarterly = new Occurrences(Cadence.QUARTERLY, LocalDate.of(2027, 1, 15), null,
                LocalTime.of(9, 0), LocalTime.of(9, 0), BERLIN, 5, Set.of());

        assertThat(biweekly.after(LocalDate.of(2027, 1, 1))).map(SendPlan::occurrenceDate).contains(LocalDate.of(2027, 1, 15));
        assertThat(biweekly.after(LocalDate.of(2027, 1, 15))).isEmpty();
        assertThat(quarterly.after(LocalDate.of(2027, 1, 15))).map(SendPlan::occurrenceDate).contains(LocalDate.of(2027, 4, 15));
    }

    @Test
    void firstOpeningAtOrAfterSkipsOccurrencesThatAlreadyOpened() {
        Occurrences schedule = weekly(LocalDate.of(2027, 1, 4), LocalTime.of(9, 0), BERLIN);

        SendPlan next = schedule.firstOpeningAtOrAfter(Instant.parse("2027-01-05T00:00:00Z")).orElseThrow();

        assertThat(next.occurrenceDate()).isEqualTo(LocalDate.of(2027, 1, 11));
    }
}
