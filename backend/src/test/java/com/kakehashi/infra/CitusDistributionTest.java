package com.kakehashi.infra;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citus cannot run here, so this proves from the catalog of the migrated schema what sharding by
 * tenant needs (issue 13 §6), and that {@code infra/postgres/citus-distribute.sql} places every
 * table: each table with a {@code tenant_id} column is distributed by it in one colocation group,
 * every other table is a reference table or named as coordinator-local. A migration that adds a
 * table, or a key Citus could not enforce, fails here with the table and constraint named.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusDistributionTest {

    private static final Path SCRIPT = Path.of("..", "infra", "postgres", "citus-distribute.sql");
    private static final String TENANT_ID = "tenant_id";
    private static final Pattern REFERENCE = Pattern.compile("create_reference_table\\('(\\w+)'\\)");
    private static final Pattern DISTRIBUTED = Pattern.compile(
            "create_distributed_table\\('(\\w+)',\\s*'(\\w+)'(?:,\\s*colocate_with\\s*=>\\s*'(\\w+)')?\\)");
    private static final Pattern LOCAL = Pattern.compile("^-- coordinator-local: (\\w+) \\(.+\\)$", Pattern.MULTILINE);

    @Value("${datasources.default.url}")
    String databaseUrl;

    /** Every table of schema public → whether it has a tenant_id column. */
    private final Map<String, Boolean> tables = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final List<UniqueIndex> uniqueIndexes = new ArrayList<>();
    private Script script;

    /** A primary key, unique or foreign key constraint; columns in key order. */
    record Key(String table, String name, char type, List<String> columns, String referenced,
               List<String> referencedColumns, char onDelete, List<String> onDeleteSetColumns, char onUpdate) {
        String describe() {
            return table + "." + name;
        }
    }

    /** A unique index that backs no constraint; firstColumn is null when it starts with an expression. */
    record UniqueIndex(String table, String name, String firstColumn, String definition) {
    }

    /** What the distribution script does, in its order. */
    record Script(List<String> order, Map<String, String> distributionColumn, Map<String, String> colocateWith,
                  Set<String> reference, Set<String> local) {
    }

    @BeforeAll
    void readCatalogAndScript() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                              AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')""")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, con.conname, con.contype,
                           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                           r.relname,
                           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                           con.confdeltype,
                           ARRAY(SELECT a.attname FROM unnest(con.confdelsetcols) k(n)
                                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text[],
                           con.confupdtype
                    FROM pg_constraint con
                    JOIN pg_class c ON c.oid = con.conrelid
                    LEFT JOIN pg_class r ON r.oid = con.confrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND con.contype IN ('p', 'u', 'f')""")) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), strings(rs.getArray(4)),
                            rs.getString(5), strings(rs.getArray(6)), rs.getString(7).charAt(0), strings(rs.getArray(8)),
                            rs.getString(9).charAt(0)));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, i.relname, a.attname, pg_get_indexdef(ix.indexrelid)
                    FROM pg_index ix
                    JOIN pg_class c ON c.oid = ix.indrelid
                    JOIN pg_class i ON i.oid = ix.indexrelid
                    LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[0]
                    WHERE c.relnamespace = 'public'::regnamespace AND ix.indisunique
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid)""")) {
                while (rs.next()) {
                    uniqueIndexes.add(new UniqueIndex(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        script = parse(Files.readString(SCRIPT));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Script parse(String text) {
        List<String> order = new ArrayList<>();
        Map<String, String> column = new LinkedHashMap<>();
        Map<String, String> colocate = new LinkedHashMap<>();
        Set<String> reference = new TreeSet<>();
        Set<String> local = new TreeSet<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("--")) {
                continue;
            }
            Matcher d = DISTRIBUTED.matcher(line);
            if (d.find()) {
                order.add(d.group(1));
                column.put(d.group(1), d.group(2));
                colocate.put(d.group(1), d.group(3) == null ? "default" : d.group(3));
            }
            Matcher r = REFERENCE.matcher(line);
            if (r.find()) {
                order.add(r.group(1));
                reference.add(r.group(1));
            }
        }
        Matcher l = LOCAL.matcher(text);
        while (l.find()) {
            local.add(l.group(1));
        }
        return new Script(order, column, colocate, reference, local);
    }

    private Set<String> tenantTables() {
        Set<String> result = new TreeSet<>();
        tables.forEach((table, tenant) -> {
            if (tenant) {
                result.add(table);
            }
        });
        return result;
    }

    private Set<String> otherTables() {
        Set<String> result = new TreeSet<>(tables.keySet());
        result.removeAll(tenantTables());
        return result;
    }

    private boolean isTenantTable(String table) {
        return tables.getOrDefault(table, false);
    }

    // ---- the schema: what Citus needs from every tenant table ----

    @Test
    void catalogSeesTheTenantTablesAndTheGlobalOnes() {
        assertThat(tenantTables()).contains("participant", "invitation", "invitation_token", "tenant_membership",
                "response", "response_answer", "mail_outbox", "alert_evaluation");
        assertThat(otherTables()).contains("tenant", "app_user", "scheduled_tasks", "databasechangelog");
    }

    @Test
    void everyTenantTableHasAPrimaryKeyLedByTenantId() {
        List<String> problems = new ArrayList<>();
        for (String table : tenantTables()) {
            List<Key> primary = keys.stream().filter(k -> k.table().equals(table) && k.type() == 'p').toList();
            if (primary.isEmpty()) {
                problems.add(table + ": no primary key (a shard move needs one to carry updates and deletes)");
            } else if (!primary.get(0).columns().get(0).equals(TENANT_ID)) {
                problems.add(primary.get(0).describe() + ": primary key " + primary.get(0).columns() + " does not start with tenant_id");
            }
        }
        assertThat(problems).as("tenant tables whose primary key Citus could not enforce per shard").isEmpty();
    }

    @Test
    void everyUniqueConstraintAndUniqueIndexOfATenantTableLeadsWithTenantId() {
        List<String> problems = new ArrayList<>();
        for (Key key : keys) {
            if (key.type() == 'u' && isTenantTable(key.table()) && !key.columns().get(0).equals(TENANT_ID)) {
                problems.add(key.describe() + ": unique " + key.columns() + " does not start with tenant_id");
            }
        }
        for (UniqueIndex index : uniqueIndexes) {
            if (isTenantTable(index.table()) && !TENANT_ID.equals(index.firstColumn())) {
                problems.add(index.table() + "." + index.name() + ": unique index does not start with tenant_id: " + index.definition());
            }
        }
        assertThat(problems).as("unique keys of tenant tables Citus could not enforce per shard").isEmpty();
    }

    @Test
    void everyForeignKeyBetweenTenantTablesCarriesTenantIdFirstOnBothSides() {
        List<String> problems = new ArrayList<>();
        for (Key key : keys) {
            if (key.type() != 'f' || !isTenantTable(key.table()) || !isTenantTable(key.referenced())) {
                continue;
            }
            if (!key.columns().get(0).equals(TENANT_ID) || !key.referencedColumns().get(0).equals(TENANT_ID)) {
                problems.add(key.describe() + ": " + key.columns() + " → " + key.referenced() + key.referencedColumns()
                        + " does not pair tenant_id with tenant_id first");
            }
            if ((key.onDelete() == 'n' || key.onDelete() == 'd')
                    && (key.onDeleteSetColumns().isEmpty() || key.onDeleteSetColumns().contains(TENANT_ID))) {
                problems.add(key.describe() + ": ON DELETE SET NULL/DEFAULT would change tenant_id; name the other columns only");
            }
            if (key.onUpdate() != 'a' && key.onUpdate() != 'r') {
                problems.add(key.describe() + ": ON UPDATE action on a distributed key");
            }
        }
        assertThat(problems).as("foreign keys between tenant tables that would cross shards").isEmpty();
    }

    // ---- the script: every table placed, in an order Citus accepts ----

    @Test
    void distributionScriptDistributesExactlyTheTenantTablesByTenantIdInOneColocationGroup() {
        assertThat(new TreeSet<>(script.distributionColumn().keySet()))
                .as("tables create_distributed_table names in " + SCRIPT + " (every table with tenant_id, no other)")
                .isEqualTo(tenantTables());
        List<String> problems = new ArrayList<>();
        script.distributionColumn().forEach((table, column) -> {
            if (!column.equals(TENANT_ID)) {
                problems.add(table + ": distributed by " + column + ", not tenant_id");
            }
        });
        List<String> distributed = List.copyOf(script.distributionColumn().keySet());
        String anchor = distributed.get(0);
        if (!script.colocateWith().get(anchor).equals("none")) {
            problems.add(anchor + ": the first distributed table founds the colocation group (colocate_with => 'none')");
        }
        for (String table : distributed.subList(1, distributed.size())) {
            if (!script.colocateWith().get(table).equals(anchor)) {
                problems.add(table + ": colocate_with => '" + script.colocateWith().get(table) + "', not '" + anchor + "'");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void distributionScriptMakesEveryOtherTableAReferenceTableOrCoordinatorLocal() {
        Set<String> placed = new TreeSet<>(script.reference());
        placed.addAll(script.local());
        assertThat(placed).as("reference and coordinator-local tables in " + SCRIPT + " (every table without tenant_id, no other)")
                .isEqualTo(otherTables());
        Set<String> both = new TreeSet<>(script.reference());
        both.retainAll(script.local());
        assertThat(both).as("tables both reference and coordinator-local").isEmpty();
        assertThat(script.order()).as("tables placed twice").doesNotHaveDuplicates();
    }

    @Test
    void foreignKeysReachOnlyTablesCitusCanCheckOnTheSameNode() {
        List<String> problems = new ArrayList<>();
        for (Key key : keys) {
            if (key.type() != 'f') {
                continue;
            }
            String from = placement(key.table());
            String to = placement(key.referenced());
            boolean allowed = switch (from) {
                case "distributed" -> to.equals("distributed") || to.equals("reference");
                case "reference" -> to.equals("reference");
                default -> to.equals("local");
            };
            if (!allowed) {
                problems.add(key.describe() + ": from a " + from + " table to a " + to + " table (" + key.referenced() + ")");
            }
        }
        assertThat(problems).as("foreign keys Citus does not support between these placements").isEmpty();
    }

    @Test
    void distributionScriptPlacesReferencedTablesBeforeTheTablesThatReferToThem() {
        List<String> problems = new ArrayList<>();
        for (Key key : keys) {
            if (key.type() != 'f' || key.table().equals(key.referenced()) || placement(key.table()).equals("local")) {
                continue;
            }
            int from = script.order().indexOf(key.table());
            int to = script.order().indexOf(key.referenced());
            if (from >= 0 && to > from) {
                problems.add(key.describe() + ": " + key.table() + " is placed before " + key.referenced() + ", which it refers to");
            }
        }
        assertThat(problems).isEmpty();
    }

    private String placement(String table) {
        if (script.distributionColumn().containsKey(table)) {
            return "distributed";
        }
        if (script.reference().contains(table)) {
            return "reference";
        }
        return "local";
    }
}
