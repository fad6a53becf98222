package com.kakehashi.wording;

import com.kakehashi.vocabulary.WarningSign;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard knows about a theme term: its gloss in the other language and the warning signs
 * whose items name it, read from a versioned TSV resource (format in the file's header). Only exact
 * terms are looked up: a compound the file does not list (発売計画 when only 計画 is listed) shows in its
 * own language and links to nothing, so no sign is claimed that the file does not state.
 */
public final class ThemeLexicon {

    static final String RESOURCE = "/wording/themes-v1.tsv";

    /**
     * @param gloss the term in the other language (Japanese for an English term and the reverse)
     * @param signs warning signs whose items name the concept, in the enum's order
     */
    public record Entry(String gloss, List<WarningSign> signs) {
    }

    private record Key(String language, String term) {
    }

    private final String version;
    private final Map<Key, Entry> entries;

    private ThemeLexicon(String version, Map<Key, Entry> entries) {
        this.version = version;
        this.entries = Map.copyOf(entries);
    }

    public String version() {
        return version;
    }

    /** The gloss and signs of a term, when the lexicon lists it. */
    public Optional<Entry> find(ThemeTerms.Term term) {
        return Optional.ofNullable(entries.get(new Key(term.language(), term.text())));
    }

    public static ThemeLexicon load(ThemeTerms terms) {
        VersionedTsv.Table table = VersionedTsv.load(RESOURCE, 3);
        Map<Key, Entry> entries = new HashMap<>();
        for (VersionedTsv.Row row : table.rows()) {
            int number = row.line();
            List<String> cells = row.cells();
            List<String> ja = split(Normalizer.normalize(cells.get(0), Normalizer.Form.NFKC));
            List<String> en = split(cells.get(1));
            if (ja.isEmpty() || en.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": a Japanese and an English term are needed");
            }
            Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
            for (String code : split(cells.get(2).replace(',', '|'))) {
                try {
                    signs.add(WarningSign.valueOf(code));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": unknown sign " + code, e);
                }
            }
            List<WarningSign> ordered = List.copyOf(signs);
            for (String term : ja) {
                put(entries, new Key("ja", term), new Entry(en.getFirst(), ordered), number);
            }
            for (String word : en) {
                String lemma = word.contains(" ") ? null : terms.englishLemma(word);
                if (lemma != null) { // a multi-word gloss ("time zone") is shown, never looked up
                    put(entries, new Key("en", lemma), new Entry(ja.getFirst(), ordered), number);
                }
            }
        }
        return new ThemeLexicon(table.version(), entries);
    }

    private static void put(Map<Key, Entry> entries, Key key, Entry entry, int number) {
        Entry before = entries.putIfAbsent(key, entry);
        if (before != null && !before.equals(entry)) { // "sharing" and "share" on one line are one lemma: fine
            throw new IllegalStateException(RESOURCE + " line " + number + ": " + key.term() + " is listed twice");
        }
    }

    private static List<String> split(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split("\\|")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
