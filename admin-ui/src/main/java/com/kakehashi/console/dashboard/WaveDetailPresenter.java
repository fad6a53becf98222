package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One wave in detail: the silence signals per side, the comments per side, each in the language it was
 * written in, and how consistently each side answered each sign's items. The backend withholds a side's comments below k and says why; this only shows that reason. An open
 * wave is offered too, but shows only response counts and rates with the time its results appear: the backend
 * withholds the rest until the wave closes (each new answer would otherwise be readable between two looks).
 */
public final class WaveDetailPresenter {

    /** @param lang a BCP 47 tag for the browser's {@code lang} attribute @param languageKey its label's message key */
    public record CommentItem(String text, String lang, String languageKey) {
    }

    /** @param suppressedKey why the side's comments are withheld (message key), or null when they are shown */
    public record SideComments(Side side, String sideKey, List<CommentItem> comments, String suppressedKey) {
    }

    /**
     * Formatted silence signals of one side; "–" where the backend sent no value. {@code carefulWording}: the
     * share of comments with careful wording and how many comments ("42% of 12"), or null with
     * {@code carefulWordingSuppressedKey} (which takes the comment threshold, {@code commentThreshold}).
     */
    public record SilenceRow(Side side, String sideKey, long invited, long responses, String nonResponse,
                             String medianDelayKey, String neutralShare, String commentRate, String suppressedKey,
                             String carefulWording, String carefulWordingSuppressedKey, int commentThreshold) {
    }

    /**
     * @param open     the wave still takes answers: only counts and rates are there
     * @param closesAt when an open wave closes and its results appear (null for a closed wave)
     */
    public record WaveDetail(UUID waveId, LocalDate occurrenceDate, int anonymityThreshold, boolean open,
                             OffsetDateTime closesAt, List<SilenceRow> silence, List<SideComments> comments,
                             List<ReliabilityRow> reliability) {
    }

    /**
     * How consistently one side answered a sign's items. A LOW coefficient is never shown as a number: it is
     * put in words ({@code qualityKey}), since a negative or small value read as a score would mislead.
     * @param value      the coefficient ("0.78"), or null when it is LOW or not computed
     * @param qualityKey the quality in words, or null when not computed
     * @param methodKey  Spearman–Brown (two items) or Cronbach's alpha, or null when not computed
     * @param reasonKey  why nothing was computed (message key, may take k), or null
     */
    public record ReliabilityCell(Side side, String value, String qualityKey, boolean low, String methodKey,
                                  String reasonKey) {
    }

    public record ReliabilityRow(String sign, String signKey, List<ReliabilityCell> cells) {
    }

    public interface View {
        /** @param selected the wave shown, null when there is no wave in the filter */
        void showWaveChoices(List<Wave> waves, Wave selected);

        void showWaveDetail(WaveDetail detail);

        void showProblem(ApiProblem problem);
    }

    static final String NONE = "–";

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private ThemesPresenter themes;
    private Locale reader = Locale.ENGLISH;

    /** Each closed wave shown also loads its comment themes, labelled for {@code reader}. */
    public void alsoShowThemes(ThemesPresenter themes, Locale reader) {
        this.themes = themes;
        this.reader = reader;
    }

    public WaveDetailPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    /** Offers the given waves (latest first) and shows the latest closed one, else the latest open one. */
    public void offer(List<Wave> waves) {
        Wave shown = waves.stream().filter(w -> !w.isOpen()).findFirst().orElse(waves.isEmpty() ? null : waves.getFirst());
        view.showWaveChoices(waves, shown);
        if (shown != null) {
            select(shown.id());
        }
    }

    public void select(UUID waveId) {
        try {
            WaveDetail detail = detail(api.waveInsight(tenantId, waveId));
            view.showWaveDetail(detail);
            if (themes != null && !detail.open()) {
                themes.load(waveId, reader);
            }
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    static WaveDetail detail(InsightRecords.WaveInsight w) {
        var silence = w.silence().stream().map(s -> new SilenceRow(s.side(), sideKey(s.side()), s.invited(), s.responses(),
                percent(s.nonResponseRate()), s.medianDelay() == null ? null : "dashboard.delay." + s.medianDelay(),
                percent(s.neutralShare()), percent(s.commentRate()), suppressedKey(s.suppressedCode()),
                carefulWording(s.carefulWording()), carefulWordingSuppressed(s),
                s.carefulWording() == null ? 10 : s.carefulWording().commentThreshold())).toList();
        var comments = w.comments().stream().map(g -> new SideComments(g.side(), sideKey(g.side()),
                g.suppressedCode() != null ? List.of() : g.comments().stream().map(WaveDetailPresenter::comment).toList(),
                suppressedKey(g.suppressedCode()))).toList();
        return new WaveDetail(w.waveId(), w.occurrenceDate(), w.anonymityThreshold(), w.isOpen(),
                w.isOpen() ? w.closesAt() : null, silence, w.isOpen() ? List.of() : comments,
                w.isOpen() ? List.of() : reliability(w.reliability()));
    }

    /** One row per sign in the backend's order, one cell per side (HQ before Japan). */
    static List<ReliabilityRow> reliability(List<InsightRecords.Reliability> all) {
        var bySign = new java.util.LinkedHashMap<String, List<ReliabilityCell>>();
        all.stream().sorted(java.util.Comparator.comparing(InsightRecords.Reliability::side))
                .forEach(r -> bySign.computeIfAbsent(r.sign(), s -> new java.util.ArrayList<>()).add(cell(r)));
        return bySign.entrySet().stream()
                .map(e -> new ReliabilityRow(e.getKey(), "instrument.sign." + e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static ReliabilityCell cell(InsightRecords.Reliability r) {
        if (r.quality() == null) {
            String code = r.unavailableCode();
            String reason = code == null ? null : switch (code) {
                case "BELOW_K", "COMPLEMENTARY", "NO_RESPONSES", "WAVE_OPEN" -> suppressedKey(code);
                default -> "dashboard.reliability.unavailable." + code;
            };
            return new ReliabilityCell(r.side(), null, null, false, null, reason);
        }
        boolean low = "LOW".equals(r.quality());
        String value = low || r.coefficient() == null ? null : String.format(Locale.ROOT, "%.2f", r.coefficient());
        return new ReliabilityCell(r.side(), value, "dashboard.reliability.quality." + r.quality(), low,
                r.method() == null ? null : "dashboard.reliability.method." + r.method(), null);
    }

    private static CommentItem comment(InsightRecords.Comment c) {
        String lang = c.language() == null || c.language().isBlank() ? "und"
                : Locale.forLanguageTag(c.language().strip()).toLanguageTag();
        String key = switch (Locale.forLanguageTag(lang).getLanguage()) {
            case "ja" -> "dashboard.comments.lang.ja";
            case "en" -> "dashboard.comments.lang.en";
            default -> "dashboard.comments.lang.other";
        };
        return new CommentItem(c.text(), lang, key);
    }

    private static String sideKey(Side side) {
        return "dashboard.side." + side.name();
    }

    private static String suppressedKey(String code) {
        return code == null ? null : "dashboard.suppressed." + code;
    }

    private static String carefulWording(InsightRecords.CarefulWording w) {
        return w == null || w.share() == null || w.comments() == null ? null : percent(w.share()) + " / " + w.comments();
    }

    /** The side's own reason first (open, below k), else the comment threshold's. */
    private static String carefulWordingSuppressed(InsightRecords.Silence s) {
        if (s.suppressedCode() != null) {
            return suppressedKey(s.suppressedCode());
        }
        InsightRecords.CarefulWording w = s.carefulWording();
        return w == null ? "dashboard.suppressed.NO_COMMENTS" : suppressedKey(w.suppressedCode());
    }

    static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
