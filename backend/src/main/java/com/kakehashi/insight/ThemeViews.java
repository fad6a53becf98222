package com.kakehashi.insight;

import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the comment-themes endpoint returns (docs/measurement.md, "Comment themes"). */
public final class ThemeViews {

    private ThemeViews() {
    }

    /**
     * One content term of a side's comments.
     *
     * @param term     as the comments have it: a Japanese noun or noun compound, or an English lemma
     * @param language {@code ja} or {@code en}, the language the term was read in
     * @param comments comments of the side that mention it (each comment counts once)
     * @param english  the term in English: itself for an English term, the lexicon's gloss for a Japanese one,
     *                 absent when the lexicon does not know it
     * @param japanese the term in Japanese, likewise
     * @param signs    warning signs whose items name the term, as the theme lexicon says (may be empty)
     */
    @Serdeable
    public record Theme(String term, String language, long comments, @Nullable String english, @Nullable String japanese,
                        List<WarningSign> signs) {
    }

    /**
     * One side of one wave: its top terms, or none with the reason. {@code comments} and {@code terms} are
     * there only when the side has at least the comment threshold of comments; a term is listed only when
     * at least {@code minimumMentions} comments mention it.
     */
    @Serdeable
    public record SideThemes(Side side, @Nullable Long comments, List<Theme> terms,
                             @Nullable Suppressed suppressedReason) {
    }

    @Serdeable
    public record WaveThemes(UUID waveId, LocalDate occurrenceDate, String status, List<SideThemes> sides) {
    }

    /**
     * @param commentThreshold comments a side needs before any of its terms is shown: max(10, k)
     * @param minimumMentions  comments that must mention a term before it is listed
     * @param top              most terms listed per side
     */
    @Serdeable
    public record Themes(String lexiconVersion, int commentThreshold, int minimumMentions, int top, List<WaveThemes> waves) {
    }
}
