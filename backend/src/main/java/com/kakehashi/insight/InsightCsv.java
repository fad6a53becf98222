package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The insight API's aggregates as rows, suppressed exactly as there: a hidden value is an empty cell and a reason. */
@Singleton
class InsightCsv {

    private static final String[] HEADER = {"wave_id", "occurrence_date", "measure", "sign", "dimension", "item_code",
            "segment", "side", "level", "n", "value", "sd", "ci_low", "ci_high", "n_hq", "n_japan",
            "suppressed_code", "suppressed_message", "lexicon_version", "term", "term_language", "term_signs"};

    byte[] write(List<InsightViews.WaveInsight> waves, ThemeViews.Themes themes, InsightService.Filter filter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel then reads UTF-8
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
            for (InsightViews.WaveInsight wave : waves) {
                for (InsightViews.Score s : wave.scores()) {
                    if (filter.includes(WarningSign.valueOf(s.sign())) && filter.includes(s.side(), s.level())) {
                        row(out, wave, "SCORE", s.sign(), null, null, s.segment(), s.side(), s.level(), s.n(), s.value(), s.sd(),
                                s.ci(), null, null, s.suppressedReason());
                    }
                }
                for (InsightViews.DimensionScore d : wave.dimensions()) {
                    if (filter.includes(d.side(), d.level())) {
                        row(out, wave, "DIMENSION", null, d.dimension(), null, d.segment(), d.side(), d.level(), null, d.value(),
                                null, null, null, null, d.suppressedReason());
                    }
                }
                for (InsightViews.Gap g : wave.gaps()) {
                    if (filter.includes(WarningSign.valueOf(g.sign())) && filter.includes(null, g.level())) {
                        row(out, wave, g.itemCode() == null ? "GAP" : "ITEM_GAP", g.sign(), null, g.itemCode(), g.segment(), null,
                                g.level(), null, g.gap(), null, g.ci(), g.nHq(), g.nJapan(), g.suppressedReason());
                    }
                }
                for (InsightViews.Silence s : wave.silence()) {
                    if (filter.includes(s.side(), null)) {
                        row(out, wave, "NON_RESPONSE_RATE", null, null, null, "side:" + s.side(), s.side(), null, s.invited(),
                                s.nonResponseRate(), null, null, null, null, null);
                        row(out, wave, "NEUTRAL_SHARE", null, null, null, "side:" + s.side(), s.side(), null,
                                s.suppressedReason() == null ? s.responses() : null, s.neutralShare(), null, null, null, null, s.suppressedReason());
                        row(out, wave, "COMMENT_RATE", null, null, null, "side:" + s.side(), s.side(), null,
                                s.suppressedReason() == null ? s.responses() : null, s.commentRate(), null, null, null, null, s.suppressedReason());
                        row(out, wave, "MEDIAN_DELAY", null, null, null, "side:" + s.side(), s.side(), null,
                                s.suppressedReason() == null ? s.responses() : null, s.medianDelay(), null, null, null, null, s.suppressedReason());
                        carefulWording(out, wave, s);
                    }
                }
                themes(out, wave, themes);
                for (InsightViews.Reliability r : wave.reliability()) {
                    if (filter.includes(WarningSign.valueOf(r.sign())) && filter.includes(r.side(), null)) {
                        // The measure names the estimate; a LOW one says so where a value would be misread as a score.
                        InsightViews.Suppressed low = r.quality() == InsightViews.ReliabilityQuality.LOW
                                ? new InsightViews.Suppressed("LOW_RELIABILITY", "items disagree: below 0.5, not a usable score") : null;
                        row(out, wave, r.method() == null ? "RELIABILITY" : r.method().name(), r.sign(), null, null,
                                "side:" + r.side(), r.side(), null, r.n(), r.coefficient(), null,
                                null, null, null, r.unavailable() != null ? r.unavailable() : low);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The careful-wording share (n: comments) and the comments per category, all empty with the reason
     * below the comment threshold; each row names the lexicon its figures come from.
     */
    private static void carefulWording(CSVPrinter out, InsightViews.WaveInsight wave, InsightViews.Silence s) throws IOException {
        InsightViews.CarefulWording w = s.carefulWording();
        if (w == null) {
            return;
        }
        String segment = "side:" + s.side();
        wordingRow(out, wave, "CAREFUL_WORDING_SHARE", segment, s.side(), w.comments(), w.share(), w);
        wordingRow(out, wave, "CAREFUL_WORDING_DEFERRAL", segment, s.side(), w.comments(), w.deferral(), w);
        wordingRow(out, wave, "CAREFUL_WORDING_SOFTENED_REFUSAL", segment, s.side(), w.comments(), w.softenedRefusal(), w);
        wordingRow(out, wave, "CAREFUL_WORDING_HEDGE", segment, s.side(), w.comments(), w.hedge(), w);
        wordingRow(out, wave, "CAREFUL_WORDING_CONCERN", segment, s.side(), w.comments(), w.concern(), w);
    }

    /**
     * A THEME row per listed term of each side (n: the side's comments, value: comments mentioning the term),
     * or one THEME row with the reason when the side's terms are hidden, exactly as the themes endpoint.
     */
    private static void themes(CSVPrinter out, InsightViews.WaveInsight wave, ThemeViews.Themes themes) throws IOException {
        for (ThemeViews.WaveThemes w : themes.waves()) {
            if (!w.waveId().equals(wave.waveId())) {
                continue;
            }
            for (ThemeViews.SideThemes s : w.sides()) {
                InsightViews.Suppressed suppressed = s.suppressedReason();
                if (suppressed != null) {
                    if (!"NO_COMMENTS".equals(suppressed.code())) {
                        out.printRecord(wave.waveId(), wave.occurrenceDate(), "THEME", null, null, null, "side:" + s.side(), s.side(),
                                null, null, null, null, null, null, null, null, suppressed.code(), suppressed.message(),
                                themes.lexiconVersion(), null, null, null);
                    }
                    continue;
                }
                for (ThemeViews.Theme t : s.terms()) {
                    out.printRecord(wave.waveId(), wave.occurrenceDate(), "THEME", null, null, null, "side:" + s.side(), s.side(),
                            null, s.comments(), t.comments(), null, null, null, null, null, null, null, themes.lexiconVersion(),
                            t.term(), t.language(), t.signs().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(";")));
                }
            }
        }
    }

    private static void wordingRow(CSVPrinter out, InsightViews.WaveInsight wave, String measure, String segment, Side side,
                                   @Nullable Long n, @Nullable Object value, InsightViews.CarefulWording w) throws IOException {
        InsightViews.Suppressed suppressed = w.suppressedReason();
        out.printRecord(wave.waveId(), wave.occurrenceDate(), measure, null, null, null, segment, side, null, n, value, null,
                null, null, null, null, suppressed == null ? null : suppressed.code(), suppressed == null ? null : suppressed.message(),
                w.lexiconVersion(), null, null, null);
    }

    private static void row(CSVPrinter out, InsightViews.WaveInsight wave, String measure, @Nullable String sign,
                            @Nullable String dimension, @Nullable String item, String segment, @Nullable Side side,
                            @Nullable Level level, @Nullable Long n, @Nullable Object value, @Nullable Double sd,
                            @Nullable InsightViews.Interval ci, @Nullable Long nHq, @Nullable Long nJapan,
                            @Nullable InsightViews.Suppressed suppressed) throws IOException {
        out.printRecord(wave.waveId(), wave.occurrenceDate(), measure, sign, dimension, item, segment, side, level, n,
                value, sd, ci == null ? null : ci.low(), ci == null ? null : ci.high(), nHq, nJapan,
                suppressed == null ? null : suppressed.code(), suppressed == null ? null : suppressed.message(), null, null,
                null, null);
    }
}
