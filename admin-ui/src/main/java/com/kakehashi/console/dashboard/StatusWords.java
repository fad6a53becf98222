package com.kakehashi.console.dashboard;

import com.kakehashi.console.dashboard.DashboardPresenter.StatusLine;
import com.kakehashi.console.shell.Formats;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A side's status in one sentence, for the top of the dashboard: "Japan: 3 of 9 warning signs at 60 or above
 * (Exclusion, …) · response rate 58% · 配信回 of 23 Nov 2026". Words, not numbers to decode.
 */
final class StatusWords {

    /** The console's translations: a key and its arguments. */
    interface Translator {
        String text(String key, Object... args);
    }

    private StatusWords() {
    }

    static String line(StatusLine status, Translator t, Locale locale) {
        String side = t.text("dashboard.side." + status.side().name());
        if (status.asOf() == null) {
            return t.text("dashboard.status.noResults", side);
        }
        String signs = status.signsAbove().isEmpty()
                ? t.text("dashboard.status.noneAbove", (int) DashboardPresenter.HIGH_RISK,
                        t.text("instrument.sign." + status.highestSign()), Math.round(status.highestValue()))
                : t.text("dashboard.status.above", status.signsAbove().size(), status.signsShown(),
                        (int) DashboardPresenter.HIGH_RISK, status.signsAbove().stream()
                                .map(s -> t.text("instrument.sign." + s))
                                .collect(Collectors.joining(t.text("dashboard.status.separator"))));
        String rate = status.responseRate() == null ? ""
                : t.text("dashboard.status.rate", Math.round(status.responseRate() * 100));
        return t.text("dashboard.status.line", side, signs, rate, Formats.date(status.asOf(), locale));
    }
}
