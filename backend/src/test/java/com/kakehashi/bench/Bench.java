package com.kakehashi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Shared helpers of the benchmarks: connections as the owner and app roles, set-based fixtures,
 * CPU accounting from /proc, and the report (stdout and {@code target/benchmarks.txt}).
 */
final class Bench {

    static final String OWNER = "kakehashi_owner";
    static final String APP = "kakehashi_app";
    private static final Path RESULTS = Path.of("target", "benchmarks.txt");

    private Bench() {
    }

    static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, OWNER, OWNER);
    }

    /** The app role with the tenant set, as the application's own connections are. */
    static Connection app(String url, UUID tenant) throws SQLException {
        Connection connection = DriverManager.getConnection(url, APP, APP);
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
        return connection;
    }

    /** {@code count} active JAPAN/STAFF participants in one statement (generate_series). */
    static void participants(String url, UUID tenant, int count) throws SQLException {
        try (Connection app = app(url, tenant);
             PreparedStatement statement = app.prepareStatement("""
                     INSERT INTO participant (tenant_id, id, email, display_name, side, level, language, time_zone)
                     SELECT current_tenant_id(), gen_random_uuid(), 'p' || g || '-' || ? || '@bench.example', 'Bench ' || g,
                            'JAPAN', 'STAFF', 'ja', 'Asia/Tokyo'
                     FROM generate_series(1, ?) g""")) {
            statement.setString(1, UUID.randomUUID().toString().substring(0, 8));
            statement.setInt(2, count);
            statement.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void report(String benchmark, String format, Object... args) {
        String line = "[BENCH] " + benchmark + ": " + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cores, memory, PostgreSQL version and the load average (the cores are shared with other work). */
    static void machine(String benchmark, String url) throws SQLException {
        String memory = "?";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        try (Connection owner = owner(url); var statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            report(benchmark, "machine: %d cores, %s, PostgreSQL %s, Java %s, load average %s", Runtime.getRuntime().availableProcessors(),
                    memory, rs.getString(1), System.getProperty("java.version"), loadAverage());
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** CPU seconds used so far by this JVM, by all postgres processes and by smtp-sink (from /proc; Linux only). */
    record Cpu(double jvm, double postgres, double sink, long wallNanos) {

        static Cpu now() {
            double postgres = 0;
            double sink = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime + stime, plus cutime + cstime: the postmaster collects the CPU of backends that ended
                        double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                                + Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
                        if (comm.equals("postgres")) {
                            postgres += seconds;
                        } else if (comm.equals("smtp-sink")) {
                            sink += seconds;
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                // no /proc: report zeros
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(os.getProcessCpuTime() / 1e9, postgres, sink, System.nanoTime());
        }

        /** "wall 3.2 s; CPU s: jvm 2.9, postgres 2.1, smtp-sink 0.1" for the interval since {@code start}. */
        String since(Cpu start) {
            Cpu end = now();
            return String.format(Locale.ROOT, "wall %.2f s; CPU s: jvm %.2f, postgres (all backends) %.2f, smtp-sink %.2f; load %s",
                    (end.wallNanos - start.wallNanos) / 1e9, end.jvm - start.jvm, end.postgres - start.postgres, end.sink - start.sink,
                    loadAverage());
        }
    }
}
