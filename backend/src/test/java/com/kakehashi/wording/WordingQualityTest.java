package com.kakehashi.wording;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the analyser over the labelled set (src/test/resources/wording/
 * labelled-comments.tsv), per language and per category, printed as the table recorded in
 * docs/measurement.md. Targets per language (all categories pooled): precision ≥ 0.85, recall ≥ 0.75.
 *
 * <p>Print it: {@code ./mvnw -B -q -pl backend test -Dtest=WordingQualityTest} and read
 * {@code backend/target/surefire-reports/com.kakehashi.wording.WordingQualityTest-output.txt}.
 */
class WordingQualityTest {

    private static final double PRECISION_TARGET = 0.85;
    private static final double RECALL_TARGET = 0.75;

    record Labelled(String language, Set<MarkerCategory> truth, String text) {
    }

    /** Counts of (comment, category) decisions. */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? Double.NaN : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? Double.NaN : (double) truePositives / (truePositives + falseNegatives);
        }

        int support() {
            return truePositives + falseNegatives;
        }
    }

    private static final WordingAnalyser ANALYSER = new WordingAnalyser();
    private static List<Labelled> set;

    @BeforeAll
    static void readTheLabelledSet() throws IOException {
        set = new ArrayList<>();
        try (InputStream in = WordingQualityTest.class.getResourceAsStream("/wording/labelled-comments.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", 3);
                Set<MarkerCategory> truth = EnumSet.noneOf(MarkerCategory.class);
                if (!cells[1].equals("-")) {
                    Arrays.stream(cells[1].split(",")).map(String::strip).map(MarkerCategory::valueOf).forEach(truth::add);
                }
                set.add(new Labelled(cells[0], truth, cells[2].strip()));
            }
        }
    }

    @Test
    void theLabelledSetHasAtLeast300CommentsHalfJapaneseHalfEnglishWithPlentyOfNegatives() {
        long ja = set.stream().filter(l -> l.language().equals("ja")).count();
        long en = set.stream().filter(l -> l.language().equals("en")).count();
        assertThat(ja + en).isGreaterThanOrEqualTo(300);
        assertThat(ja).isEqualTo(en);
        for (String language : List.of("ja", "en")) {
            assertThat(set.stream().filter(l -> l.language().equals(language) && l.truth().isEmpty()).count())
                    .as("%s comments with no marker", language).isGreaterThanOrEqualTo(50);
            for (MarkerCategory category : MarkerCategory.values()) {
                assertThat(set.stream().filter(l -> l.language().equals(language) && l.truth().contains(category)).count())
                        .as("%s %s", language, category).isGreaterThanOrEqualTo(15);
            }
        }
    }

    @Test
    void precisionAndRecallPerLanguageMeetTheTargets() {
        StringBuilder table = new StringBuilder();
        table.append("Lexicon ").append(ANALYSER.lexiconVersion()).append(", ").append(set.size()).append(" labelled comments\n\n");
        table.append("| language | category | support | TP | FP | FN | precision | recall |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder errors = new StringBuilder();
        java.util.Map<String, Counts> pooledByLanguage = new java.util.LinkedHashMap<>();
        for (String language : List.of("ja", "en")) {
            List<Labelled> subset = set.stream().filter(l -> l.language().equals(language)).toList();
            List<Set<MarkerCategory>> found = subset.stream()
                    .map(l -> ANALYSER.analyse(l.text(), l.language()).categories()).toList();
            for (MarkerCategory category : MarkerCategory.values()) {
                row(table, language, category.name(), count(subset, found, Set.of(category)));
            }
            Counts pooled = count(subset, found, EnumSet.allOf(MarkerCategory.class));
            row(table, language, "**all categories**", pooled);
            row(table, language, "any marker (comment level)", countAny(subset, found));
            for (int i = 0; i < subset.size(); i++) {
                if (!subset.get(i).truth().equals(found.get(i))) {
                    errors.append(language).append("  truth=").append(subset.get(i).truth()).append(" found=")
                            .append(found.get(i)).append("  ").append(subset.get(i).text()).append('\n');
                }
            }
            pooledByLanguage.put(language, pooled);
        }
        System.out.println(table);
        System.out.println("Disagreements with the labels:\n" + errors);
        pooledByLanguage.forEach((language, pooled) -> {
            assertThat(pooled.precision()).as("%s precision", language).isGreaterThanOrEqualTo(PRECISION_TARGET);
            assertThat(pooled.recall()).as("%s recall", language).isGreaterThanOrEqualTo(RECALL_TARGET);
        });
    }

    private static Counts count(List<Labelled> subset, List<Set<MarkerCategory>> found, Set<MarkerCategory> categories) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < subset.size(); i++) {
            for (MarkerCategory category : categories) {
                boolean truth = subset.get(i).truth().contains(category);
                boolean said = found.get(i).contains(category);
                tp += truth && said ? 1 : 0;
                fp += !truth && said ? 1 : 0;
                fn += truth && !said ? 1 : 0;
            }
        }
        return new Counts(tp, fp, fn);
    }

    private static Counts countAny(List<Labelled> subset, List<Set<MarkerCategory>> found) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < subset.size(); i++) {
            boolean truth = !subset.get(i).truth().isEmpty();
            boolean said = !found.get(i).isEmpty();
            tp += truth && said ? 1 : 0;
            fp += !truth && said ? 1 : 0;
            fn += truth && !said ? 1 : 0;
        }
        return new Counts(tp, fp, fn);
    }

    private static void row(StringBuilder table, String language, String category, Counts c) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.2f | %.2f |%n", language, category,
                c.support(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.precision(), c.recall()));
    }
}
