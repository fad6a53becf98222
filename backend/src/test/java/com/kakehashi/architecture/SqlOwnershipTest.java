package com.kakehashi.architecture;

import com.kakehashi.Application;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a table's owner names it in SQL. The coupling between features that Java imports do not
 * show lives in SQL strings; those are in the class files' constant pools (hand-written SQL and the
 * queries Micronaut Data generates at compile time alike), so the scan reads the compiled classes.
 * The ownership map is the table in docs/architecture.md ("Table ownership"), read here, so the
 * document and the rule cannot drift apart.
 */
class SqlOwnershipTest {

    /** A table name right after a keyword that names a table; quoted identifiers as Micronaut Data writes them. */
    private static final Pattern TABLE_AFTER_KEYWORD =
            Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|USING|TABLE|TRUNCATE)\\s+\"?([a-z_][a-z0-9_]*)\"?");
    private static final Pattern OWNER_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| `([a-z]+)` \\|\\s*$");
    private static final Pattern CREATED_TABLE =
            Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)|tableName=\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern RENAMED_TABLE = Pattern.compile("(?i)ALTER TABLE ([a-z_][a-z0-9_]*) RENAME TO ([a-z_][a-z0-9_]*)");

    private static Map<String, String> owners;
    private static Map<String, Set<String>> tablesNamedByPackage;

    @BeforeAll
    static void readTheMapAndScanTheClasses() throws IOException, URISyntaxException {
        owners = new TreeMap<>();
        for (String line : Files.readAllLines(repository().resolve("docs/architecture.md"))) {
            Matcher row = OWNER_ROW.matcher(line);
            if (row.matches()) {
                assertThat(owners.put(row.group(1), row.group(2))).as("one owner for %s", row.group(1)).isNull();
            }
        }
        Path classes = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("com/kakehashi");
        tablesNamedByPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class itself names no table
                }
                String pkg = relative.getName(0).toString();
                Matcher m = TABLE_AFTER_KEYWORD.matcher(text(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
                    if (owners.containsKey(table)) {
                        tablesNamedByPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
    }

    @Test
    void everyTableTheChangeFilesCreateHasExactlyOneOwnerInTheMap() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> changes = Files.list(repository().resolve("backend/src/main/resources/db/changelog/changes"))) {
            for (Path change : changes.sorted().toList()) {
                String text = Files.readString(change);
                Matcher m = CREATED_TABLE.matcher(text);
                while (m.find()) {
                    created.add((m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT));
                }
                Matcher renamed = RENAMED_TABLE.matcher(text);
                while (renamed.find()) {
                    created.remove(renamed.group(1).toLowerCase(java.util.Locale.ROOT));
                    created.add(renamed.group(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(created).as("tables the change files create (and rename)").contains("wave", "alert", "timeline_event");
        assertThat(owners.keySet()).as("docs/architecture.md, Table ownership").containsAll(created);
        assertThat(created).as("every table in the map exists").containsAll(owners.keySet());
    }

    @Test
    void onlyTheOwnerNamesItsTableInSql() {
        Set<String> offences = new TreeSet<>();
        tablesNamedByPackage.forEach((pkg, tables) -> tables.stream()
                .filter(table -> !owners.get(table).equals(pkg))
                .map(table -> pkg + " → " + table)
                .forEach(offences::add));
        assertThat(offences).as("SQL naming another feature's table (owner per docs/architecture.md)").isEmpty();
    }

    /** The scan sees what it must: each owner's own queries, hand-written and generated. */
    @Test
    void theScanFindsTheOwnersOwnQueries() {
        assertThat(tablesNamedByPackage.get("wave")).contains("wave");
        assertThat(tablesNamedByPackage.get("alert")).contains("alert", "alert_evaluation", "alert_observation");
        assertThat(tablesNamedByPackage.get("participant")).as("a Micronaut Data repository's generated SQL")
                .contains("participant");
        assertThat(tablesNamedByPackage.get("timeline")).contains("timeline_event");
        assertThat(tablesNamedByPackage.get("insight")).as("the answer store and the fold")
                .contains("response", "response_answer", "insight_pending", "insight_sign_rollup");
    }

    private static String text(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: tests run in {@code backend/}. */
    private static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs/architecture.md")) ? here : here.getParent();
    }
}
