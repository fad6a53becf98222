package com.kakehashi.respond;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationsTest {

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource({
            "2026-12-07T14:59:00Z, Asia/Tokyo,       ja, 12月7日 23:59（JST）まで",
            "2026-12-07T14:59:00Z, Asia/Tokyo,       en, '7 December, 23:59 JST'",
            "2026-12-07T14:59:00Z, Europe/Berlin,    en, '7 December, 15:59 CET'",
            "2026-07-07T14:59:00Z, Europe/Berlin,    ja, 7月7日 16:59（CEST）まで",
            "2026-07-07T14:59:00Z, America/New_York, ja, 7月7日 10:59（EDT）まで",
            "2026-12-07T14:59:00Z, America/New_York, en, '7 December, 09:59 EST'",
            "2026-12-07T14:59:00Z, Not/AZone,        en, '7 December, 14:59 UTC'"})
    void deadlineIsToTheMinuteInTheRespondentsZoneWithItsShortName(String instant, String zone, String language,
                                                                    String expected) {
        assertThat(Translations.dateTime(Instant.parse(instant), zone, language)).isEqualTo(expected);
    }
}
