package com.kakehashi.wording;

import com.kakehashi.vocabulary.WarningSign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = ThemeLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("theme lexicon resource missing: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ThemeLexicon parse(BufferedReader reader, ThemeTerms terms) throws IOException {
        String version = null;
        Map<Key, Entry> entries = new HashMap<>();
        boolean header = true;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells[0].equals("@version")) {
                version = cells[1].strip();
                continue;
            }
            if (header) {
                header = false; // the column names
                continue;
            }
            if (cells.length != 3) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 3 tab-separated cells");
            }
            List<String> ja = split(Normalizer.normalize(cells[0], Normalizer.Form.NFKC));
            List<String> en = split(cells[1]);
            if (ja.isEmpty() || en.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": a Japanese and an English term are needed");
            }
            Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
            for (String code : split(cells[2].replace(',', '|'))) {
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
        if (version == null) {
            throw new IllegalStateException(RESOURCE + ": no @version line");
        }
        return new ThemeLexicon(version, entries);
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
