package com.kakehashi.wording;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The marker lexicon, read from a TSV resource (format documented in the file's header). English
 * pattern words go through the same analysis chain as comments, so an entry written "worried" matches
 * "worry", "worries" and "worrying"; Japanese pattern words are written as base forms (辞書形).
 */
final class Lexicon {

    static final String RESOURCE = "/wording/lexicon-v3.tsv";

    private final String version;
    private final List<LexiconEntry> entries;

    private Lexicon(String version, List<LexiconEntry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
    }

    String version() {
        return version;
    }

    List<LexiconEntry> entries() {
        return entries;
    }

    static Lexicon load(EnglishTokens english) {
        VersionedTsv.Table table = VersionedTsv.load(RESOURCE, 7);
        List<LexiconEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (VersionedTsv.Row row : table.rows()) {
            int number = row.line();
            String id = row.cell(0).strip();
            if (!ids.add(id)) {
                throw new IllegalStateException("lexicon line " + number + ": duplicate id " + id);
            }
            String language = row.cell(1).strip();
            Function<String, String> normalise = switch (language) {
                case "ja" -> word -> word;
                case "en" -> word -> englishBase(english, word, number);
                default -> throw new IllegalStateException("lexicon line " + number + ": language must be ja or en");
            };
            MarkerCategory category = MarkerCategory.valueOf(row.cell(2).strip());
            String patternText = row.cell(3).strip();
            List<LexiconEntry.Element> pattern = parsePattern(patternText, normalise, number);
            LexiconEntry.Rules rules = parseRules(row.cell(4).strip(), normalise, number);
            entries.add(new LexiconEntry(id, language, category, patternText, pattern, rules, row.cell(5).strip(), row.cell(6).strip()));
        }
        return new Lexicon(table.version(), entries);
    }

    private static List<LexiconEntry.Element> parsePattern(String text, Function<String, String> normalise, int line) {
        List<LexiconEntry.Element> elements = new ArrayList<>();
        for (String part : text.split("\\s+")) {
            if (part.equals("*")) {
                elements.add(new LexiconEntry.AnyWord());
            } else if (part.equals("$")) {
                elements.add(new LexiconEntry.End());
            } else if (part.matches("~[0-9]")) {
                elements.add(new LexiconEntry.Gap(Integer.parseInt(part.substring(1))));
            } else {
                String pos = "";
                String words = part;
                int slash = part.indexOf('/');
                if (slash > 0) {
                    words = part.substring(0, slash);
                    pos = part.substring(slash + 1);
                }
                elements.add(new LexiconEntry.Word(alternatives(words, normalise), pos));
            }
        }
        if (elements.isEmpty() || !(elements.getFirst() instanceof LexiconEntry.Word)) {
            throw new IllegalStateException("lexicon line " + line + ": a pattern starts with a word");
        }
        return elements;
    }

    private static LexiconEntry.Rules parseRules(String text, Function<String, String> normalise, int line) {
        boolean negation = true;
        Set<String> notFollowedBy = Set.of();
        Set<String> notNextPos = Set.of();
        Set<String> notSurface = Set.of();
        Set<String> notPrecededBy = Set.of();
        Set<String> precededBy = Set.of();
        if (!text.isEmpty() && !text.equals("-")) {
            for (String rule : text.split(";")) {
                String[] kv = rule.strip().split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalStateException("lexicon line " + line + ": rule without '=': " + rule);
                }
                switch (kv[0].strip()) {
                    case "neg" -> negation = !kv[1].strip().equals("ignore");
                    case "not_followed_by" -> notFollowedBy = alternatives(kv[1], normalise);
                    case "not_next_pos" -> notNextPos = alternatives(kv[1], pos -> pos);
                    case "not_surface" -> notSurface = alternatives(kv[1], String::toLowerCase);
                    case "not_preceded_by" -> notPrecededBy = alternatives(kv[1], normalise);
                    case "preceded_by" -> precededBy = alternatives(kv[1], normalise);
                    default -> throw new IllegalStateException("lexicon line " + line + ": unknown rule " + kv[0]);
                }
            }
        }
        return new LexiconEntry.Rules(negation, notFollowedBy, notNextPos, notSurface, notPrecededBy, precededBy);
    }

    private static Set<String> alternatives(String text, Function<String, String> normalise) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(text.strip().split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).map(normalise).forEach(set::add);
        return Set.copyOf(set);
    }

    private static String englishBase(EnglishTokens english, String word, int line) {
        if (word.startsWith("=")) {
            return word.toLowerCase(Locale.ROOT); // a surface, matched as written
        }
        List<Token> tokens = english.tokens(word.toLowerCase(Locale.ROOT));
        if (tokens.size() != 1) {
            throw new IllegalStateException("lexicon line " + line + ": '" + word + "' is not one English word");
        }
        return tokens.getFirst().base();
    }
}
