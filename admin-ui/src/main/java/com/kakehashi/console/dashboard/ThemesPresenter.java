package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InsightRecords;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "What Japan talks about this wave": per side, the terms most comments of the wave mention, each in the
 * reader's language where the theme lexicon knows it, with the term as written beside it when that differs,
 * how many comments mention it and the warning signs it points to. The backend withholds a side's terms below
 * the comment threshold and lists no term fewer than three comments mention; this shows its reason.
 */
public final class ThemesPresenter {

    /**
     * @param label     the term in the reader's language, else as written
     * @param original  the term as written when it differs from {@code label}, else null
     * @param lang      the BCP 47 tag of {@code original} (or of {@code label} when there is no original)
     * @param signKeys  message keys of the signs the term points to
     */
    public record Chip(String label, String original, String lang, long comments, List<String> signKeys) {
    }

    /**
     * @param suppressedKey why the side shows no terms (message key taking {@code commentThreshold}), or null
     * @param emptyKey      the side is shown but no term reaches the minimum (message key taking {@code minimumMentions})
     */
    public record Column(Side side, String titleKey, Long comments, List<Chip> chips, String suppressedKey, String emptyKey,
                         int commentThreshold, int minimumMentions) {
    }

    public interface View {
        void showThemes(List<Column> columns);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;

    public ThemesPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    /** Loads the wave's themes, labelled for a reader of {@code reader}'s language. */
    public void load(UUID waveId, Locale reader) {
        try {
            view.showThemes(columns(api.waveThemes(tenantId, waveId), reader));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** Japan first (the side the dashboard reads for), then HQ, then the region; sides without comments are left out. */
    static List<Column> columns(InsightRecords.WaveThemes themes, Locale reader) {
        boolean japanese = "ja".equals(reader.getLanguage());
        return themes.sides().stream()
                .filter(s -> !"NO_COMMENTS".equals(s.suppressedCode()))
                .sorted(Comparator.comparingInt(s -> order(s.side())))
                .map(s -> new Column(s.side(), "dashboard.themes.side." + s.side().name(), s.comments(),
                        s.terms().stream().map(t -> chip(t, japanese)).toList(),
                        s.suppressedCode() == null ? null : "dashboard.suppressed." + s.suppressedCode(),
                        s.suppressedCode() == null && s.terms().isEmpty() ? "dashboard.themes.none" : null,
                        themes.commentThreshold(), themes.minimumMentions()))
                .toList();
    }

    static Chip chip(InsightRecords.Theme t, boolean japaneseReader) {
        String inReaderLanguage = japaneseReader ? t.japanese() : t.english();
        String label = inReaderLanguage == null ? t.term() : inReaderLanguage;
        String original = label.equals(t.term()) ? null : t.term();
        String lang = original != null ? t.language() : inReaderLanguage != null ? (japaneseReader ? "ja" : "en") : t.language();
        return new Chip(label, original, lang, t.comments(), t.signs().stream().map(s -> "instrument.sign." + s).toList());
    }

    private static int order(Side side) {
        return switch (side) {
            case JAPAN -> 0;
            case HQ -> 1;
            case REGIONAL -> 2;
        };
    }
}
