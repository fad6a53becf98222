package com.kakehashi.infra;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/postgres/citus-distribute.sql} executed statement by statement on the fully migrated
 * schema, against stand-ins for the Citus functions it calls that check what Citus checks when a
 * table is placed: the distribution column exists, the colocation anchor is already distributed,
 * and every table a foreign key points at is already placed. A second run places nothing (the
 * script is safe to run after every release). Citus itself is not installed here; this proves the
 * script parses, runs in a valid order and is idempotent, not that Citus accepts every table.
 */
class CitusDistributionScriptTest {

    private static final Path SCRIPT = Path.of("..", "infra", "postgres", "citus-distribute.sql");

    private static final String STAND_INS = """
            CREATE TABLE public.pg_dist_partition (logicalrelid regclass PRIMARY KEY, placement text NOT NULL);
            CREATE TABLE public.pg_dist_object (objid oid PRIMARY KEY);
            CREATE TABLE public.citus_calls (n serial PRIMARY KEY, call text NOT NULL);
            CREATE FUNCTION public.citus_referenced_first(t regclass) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE missing text;
            BEGIN
              SELECT string_agg(c.confrelid::regclass::text, ', ') INTO missing FROM pg_constraint c
              WHERE c.conrelid = t AND c.contype = 'f' AND c.confrelid <> t
                AND NOT EXISTS (SELECT 1 FROM public.pg_dist_partition p WHERE p.logicalrelid = c.confrelid);
              IF missing IS NOT NULL THEN
                RAISE EXCEPTION '% refers to % which is not placed yet', t, missing;
              END IF;
            END $$;
            CREATE FUNCTION public.create_reference_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM public.citus_referenced_first(t);
              INSERT INTO public.pg_dist_partition VALUES (t, 'reference');
              INSERT INTO public.citus_calls (call) VALUES ('reference ' || t::text);
            END $$;
            CREATE FUNCTION public.create_distributed_table(t regclass, distribution_column text,
                                                            colocate_with text DEFAULT 'default') RETURNS void
            LANGUAGE plpgsql AS $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = distribution_column) THEN
                RAISE EXCEPTION '% has no column %', t, distribution_column;
              END IF;
              IF colocate_with NOT IN ('none', 'default') AND NOT EXISTS (
                  SELECT 1 FROM public.pg_dist_partition WHERE logicalrelid = colocate_with::regclass AND placement = 'distributed') THEN
                RAISE EXCEPTION '% colocates with %, which is not distributed yet', t, colocate_with;
              END IF;
              PERFORM public.citus_referenced_first(t);
              INSERT INTO public.pg_dist_partition VALUES (t, 'distributed');
              INSERT INTO public.citus_calls (call) VALUES ('distributed ' || t::text || ' by ' || distribution_column);
            END $$;
            CREATE FUNCTION public.create_distributed_function(f regprocedure) RETURNS void LANGUAGE sql AS $$
              INSERT INTO public.pg_dist_object VALUES (f::oid);
              INSERT INTO public.citus_calls (call) VALUES ('function ' || f::text);
            $$;
            """;

    @Test
    void scriptRunsInAnOrderCitusAcceptsAndASecondRunPlacesNothing() throws Exception {
        List<String> statements = statements(Files.readString(SCRIPT));
        try (ScratchMigration db = ScratchMigration.upTo("_citus", "~");
             Connection superuser = DriverManager.getConnection(db.url(), "postgres", "")) {
            try (Statement s = superuser.createStatement()) {
                s.execute(STAND_INS);
            }
            run(superuser, statements);
            long tables = Long.parseLong(rows(superuser, """
                    SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
                      AND relname NOT IN ('pg_dist_partition', 'pg_dist_object', 'citus_calls')""").getFirst().get("n"));
            long placed = Long.parseLong(rows(superuser, "SELECT count(*) AS n FROM pg_dist_partition").getFirst().get("n"));
            long local = Files.readString(SCRIPT).lines().filter(l -> l.startsWith("-- coordinator-local: ")).count();
            assertThat(placed + local).as("every table placed or named coordinator-local").isEqualTo(tables);
            assertThat(rows(superuser, "SELECT call FROM citus_calls WHERE call LIKE 'function %'"))
                    .extracting(r -> r.get("call")).containsExactly("function current_tenant_id()");
            int calls = rows(superuser, "SELECT n FROM citus_calls").size();

            run(superuser, statements);

            assertThat(rows(superuser, "SELECT n FROM citus_calls")).as("calls after a second run").hasSize(calls);
        }
    }

    /**
     * The script's SQL statements without psql's meta-commands and without ALTER ROLE (a role's
     * settings are cluster-wide: on this shared test server they would reach other databases).
     */
    private static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (line.startsWith("--") || line.startsWith("\\")) {
                continue;
            }
            sql.append(line).append('\n');
        }
        List<String> result = new ArrayList<>();
        for (String statement : Arrays.asList(sql.toString().split(";\\s*\\n"))) {
            String trimmed = statement.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("ALTER ROLE")) {
                result.add(trimmed);
            }
        }
        assertThat(result).as("statements read from the script").hasSizeGreaterThan(10);
        return result;
    }

    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("in: " + statement + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
