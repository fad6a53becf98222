package com.kakehashi.alert;

import com.kakehashi.alert.AlertView.HistoryPoint;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The plain sentence of an alert in English and Japanese: what moved, from where to where, since
 * when, and how sure (the adjusted p of the wave that opened it). Sign names are the
 * console's.
 */
final class AlertSummary {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPANESE);

    private AlertSummary() {
    }

    /** A sign no longer in the vocabulary (an old alert) keeps its code. */
    private static String name(String sign, boolean english) {
        try {
            WarningSign known = WarningSign.valueOf(sign);
            return english ? known.english() : known.japanese();
        } catch (IllegalArgumentException e) {
            return sign;
        }
    }

    /** @return {English, Japanese} */
    static String[] of(AlertRule rule, @Nullable String sign, @Nullable Side side, double threshold, LocalDate openedOn,
                       List<HistoryPoint> history, AlertStatus status, @Nullable AlertView.ResolvedReason reason) {
        List<HistoryPoint> shown = history.stream().filter(h -> h.value() != null).toList();
        HistoryPoint first = shown.isEmpty() ? null : shown.getFirst();
        boolean past = status == AlertStatus.RESOLVED;
        // A resolved alert tells where the condition stood when it last held, in the past tense.
        HistoryPoint last = past ? shown.stream().filter(HistoryPoint::fired).reduce((a, b) -> b)
                .orElse(shown.isEmpty() ? null : shown.getLast()) : shown.isEmpty() ? null : shown.getLast();
        // The evidence that opened the condition (adjusted p among the wave's tests); later waves only held it.
        HistoryPoint evidence = history.stream().filter(h -> h.fired() && h.pAdjusted() != null).findFirst().orElse(null);
        String v = last == null ? "–" : n(last.value());
        String from = first == null ? "–" : n(first.value());
        LocalDate since = first == null ? openedOn : first.occurrenceDate();
        String interval = last == null || last.low() == null || last.high() == null ? ""
                : " (95% interval " + n(last.low()) + "–" + n(last.high()) + ")";
        String intervalJa = last == null || last.low() == null || last.high() == null ? ""
                : "（95%区間 " + n(last.low()) + "–" + n(last.high()) + "）";
        String pEn = evidence == null ? "" : " (beyond noise, " + p(evidence.pAdjusted()) + ")";
        String pJa = evidence == null ? "" : "（ノイズを超える変化、" + p(evidence.pAdjusted()) + "）";
        String signEn = sign == null ? "" : name(sign, true);
        String signJa = sign == null ? "" : name(sign, false);
        String sideEn = side == null ? "" : switch (side) {
            case HQ -> "HQ";
            case JAPAN -> "Japan";
            case REGIONAL -> "Regional offices";
        };
        String sideJa = side == null ? "" : switch (side) {
            case HQ -> "本社";
            case JAPAN -> "日本";
            case REGIONAL -> "地域拠点";
        };
        String en = switch (rule) {
            case SIGN_ABOVE_THRESHOLD -> sideEn + "'s " + signEn + (past ? " index was " : " index is ") + v + interval + ", above the threshold of "
                    + n(threshold) + " since " + EN.format(openedOn) + pEn + ".";
            case SIGN_WORSENING -> sideEn + "'s " + signEn + (past ? " index rose from " : " index has risen from ") + from + " to " + v + " since "
                    + EN.format(since) + pEn + ".";
            case GAP_WIDENING -> "The HQ–Japan gap on " + signEn + (past ? " widened from " : " has widened from ") + from + " to " + v
                    + " points since " + EN.format(since) + pEn + ".";
            case RESPONSE_RATE_DROP -> sideEn + (past ? "'s response rate fell from " : "'s response rate has fallen from ") + from + "% to " + v + "% since "
                    + EN.format(since) + pEn + ".";
            case NEUTRAL_SHARE_HIGH -> sideEn + (past ? " had put " : " puts ") + v + "% of answers on the midpoint" + interval + ", above "
                    + n(threshold) + "% since " + EN.format(openedOn) + pEn + ".";
            case CAREFUL_WORDING_RISING -> sideEn + (past ? "'s share of carefully worded comments rose from " : "'s share of carefully worded comments has risen from ")
                    + from + "% to " + v + "% since " + EN.format(since) + pEn
                    + ": deferrals, softened refusals, hedges or concerns in place of an open no.";
        };
        String ja = switch (rule) {
            case SIGN_ABOVE_THRESHOLD -> sideJa + "の「" + signJa + "」指数は " + v + intervalJa + " で、" + JA.format(openedOn)
                    + "以降、閾値 " + n(threshold) + (past ? " を上回っていました" : " を上回っています") + pJa + "。";
            case SIGN_WORSENING -> sideJa + "の「" + signJa + "」指数が" + JA.format(since) + "以降、" + from + " から " + v
                    + (past ? " に上昇しました" : " に上昇しています") + pJa + "。";
            case GAP_WIDENING -> "「" + signJa + "」に関する本社と日本の認識ギャップが" + JA.format(since) + "以降、" + from
                    + " から " + v + (past ? " ポイントに拡大しました" : " ポイントに拡大しています") + pJa + "。";
            case RESPONSE_RATE_DROP -> sideJa + "の回答率が" + JA.format(since) + "以降、" + from + "% から " + v
                    + (past ? "% に低下しました" : "% に低下しています") + pJa + "。";
            case NEUTRAL_SHARE_HIGH -> sideJa + "の回答の " + v + "% が「どちらともいえない」" + intervalJa + "で、"
                    + JA.format(openedOn) + "以降、" + n(threshold) + (past ? "% を上回っていました" : "% を上回っています") + pJa + "。";
            case CAREFUL_WORDING_RISING -> sideJa + "のコメントのうち慎重な言い回し（先送り・婉曲な断り・ぼかし・懸念）を含むものの割合が"
                    + JA.format(since) + "以降、" + from + "% から " + v + (past ? "% に上昇しました" : "% に上昇しています") + pJa + "。";
        };
        HistoryPoint latest = history.isEmpty() ? null : history.getLast();
        if (status == AlertStatus.RESOLVED && reason == AlertView.ResolvedReason.AUTO && latest != null) {
            HistoryPoint firstClear = firstClearOfTheLastRun(history);
            LocalDate clear = Objects.requireNonNullElse(firstClear, latest).occurrenceDate();
            en += " Within noise again since " + EN.format(clear) + ".";
            ja += " " + JA.format(clear) + "以降はノイズの範囲内に戻っています。";
        } else if (status != AlertStatus.RESOLVED && latest != null && !latest.fired()) {
            en += " Within noise in the latest wave (" + EN.format(latest.occurrenceDate()) + ").";
            ja += " 最新の配信回（" + JA.format(latest.occurrenceDate()) + "）ではノイズの範囲内です。";
        }
        return new String[]{en, ja};
    }

    private static @Nullable HistoryPoint firstClearOfTheLastRun(List<HistoryPoint> history) {
        HistoryPoint first = null;
        for (int i = history.size() - 1; i >= 0 && !history.get(i).fired(); i--) {
            if (AlertRules.Verdict.CLEAR.name().equals(history.get(i).outcome())) {
                first = history.get(i); // a wave that could not be tested is not yet "within noise"
            }
        }
        return first;
    }

    private static String n(double value) {
        return Long.toString(Math.round(value));
    }

    private static String p(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
    }
}
