package com.kakehashi.lifecycle;

import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the tenant in context as a zip: {@code tables/<table>.csv} for every tenant table the
 * catalog lists (header row, PostgreSQL's text form of each value, ordered by primary key),
 * {@code tenant.json}, {@code members.json}, and last {@code manifest.json}. One repeatable-read
 * transaction, so every file shows the same moment; rows are fetched in batches and written as
 * they come, so memory does not grow with the tenant.
 */
@Singleton
class ExportWriter {

    static final int FORMAT_VERSION = 1;
    private static final int FETCH_SIZE = 1000;

    private final TenantTables tables;
    private final TenantService tenants;
    private final MembershipService memberships;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ExportWriter(TenantTables tables, TenantService tenants, MembershipService memberships, JdbcOperations jdbc,
                 JsonMapper json, Clock clock) {
        this.tables = tables;
        this.tenants = tenants;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public void write(OutputStream target) throws IOException {
        TenantView tenant = tenants.current();
        List<ExportManifest.ExportedFile> files = new ArrayList<>();
        List<ExportManifest.ExcludedColumn> excluded = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            for (TenantTables.Table table : tables.list()) {
                String name = "tables/" + table.name() + ".csv";
                files.add(entry(zip, name, table.name(), out -> copy(table, out)));
                table.excluded().forEach(c -> excluded.add(new ExportManifest.ExcludedColumn(table.name(), c, "secret")));
            }
            files.add(entry(zip, "tenant.json", "tenant", out -> {
                json.writeValue(out, tenant);
                return 1;
            }));
            files.add(entry(zip, "members.json", "tenant_membership", out -> {
                var members = memberships.members();
                json.writeValue(out, members);
                return members.size();
            }));
            excluded.add(new ExportManifest.ExcludedColumn("app_user", "password_hash", "secret"));
            ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, FORMAT_VERSION, tenant.id(), tenant.name(),
                    clock.instant(), schemaVersion(), files, excluded,
                    List.of("scheduled_tasks: planned wave occurrences, recreated from the schedules",
                            "login_throttle: failed logins, not tenant data"));
            zip.putNextEntry(new ZipEntry("manifest.json"));
            json.writeValue(new Unclosable(zip), manifest);
            zip.closeEntry();
        }
    }

    private interface Content {
        long write(OutputStream out) throws IOException;
    }

    private static ExportManifest.ExportedFile entry(ZipOutputStream zip, String name, String table, Content content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha256 = sha256();
        Counting counting = new Counting(new DigestOutputStream(new Unclosable(zip), sha256));
        long rows = content.write(counting);
        counting.flush();
        zip.closeEntry();
        return new ExportManifest.ExportedFile(name, table, rows, counting.bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private long copy(TenantTables.Table table, OutputStream out) throws IOException {
        List<String> columns = table.exported();
        String select = "SELECT " + columns.stream().map(TenantTables::quote).collect(Collectors.joining(", "))
                + " FROM " + TenantTables.quote(table.name())
                + (table.keyColumns().isEmpty() ? ""
                : " ORDER BY " + table.keyColumns().stream().map(TenantTables::quote).collect(Collectors.joining(", ")));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
        long rows;
        try {
            rows = jdbc.prepareStatement(select, ps -> {
                ps.setFetchSize(FETCH_SIZE);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            csv.print(rs.getString(i));
                        }
                        csv.println();
                        n++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return n;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return rows;
    }

    private String schemaVersion() {
        return jdbc.prepareStatement("SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "unknown";
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip stays open between entries: closing an entry's writer must not close it. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class Counting extends FilterOutputStream {
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
