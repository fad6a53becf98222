package com.kakehashi.lifecycle;

import com.kakehashi.identity.Caller;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant export through the real endpoint: every tenant table the catalog lists as a CSV with
 * exactly the tenant's rows, a manifest whose checksums and counts match, secrets left out, and
 * nothing of another tenant.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantExportTest {

    @Inject
    LifecycleWorld worlds;
    @Inject
    ParticipantService participants;
    @Inject
    TenantExport export;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    LifecycleWorld.World own;
    LifecycleWorld.World other;
    String ownEmail;
    String otherEmail;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void twoTenantsWithAnsweredWaves() throws Exception {
        own = worlds.create("Export");
        other = worlds.create("Elsewhere");
        ownEmail = "export-" + UUID.randomUUID() + "@example.jp";
        otherEmail = "elsewhere-" + UUID.randomUUID() + "@example.jp";
        for (var w : List.of(own, other)) {
            String email = w == own ? ownEmail : otherEmail;
            UUID participant = TenantContext.callAs(w.id(), () -> participants.create(w.operator,
                    new ParticipantDetails(email, "Export Person", Side.JAPAN, Level.STAFF, "ja", null, null))).id();
            UUID wave = w.wave(LocalDate.of(2026, 11, 2));
            w.respond(wave, Side.JAPAN, Level.STAFF, participant, 3, "Line one, \"quoted\"\nline two");
            for (int i = 0; i < 5; i++) {
                w.respond(wave, Side.HQ, Level.STAFF, null, 4, null);
            }
            w.close(wave, Duration.ofDays(1));
        }
    }

    private HttpResponse<byte[]> download(UUID tenant, String email) throws Exception {
        String token = new com.kakehashi.support.Api(server.getURL(), json).login(email, Fixtures.PASSWORD);
        return http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/tenants/" + tenant + "/export"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTenantTableIsExportedWithExactlyTheTenantsRowsAndTheManifestChecksEachFile() throws Exception {
        HttpResponse<byte[]> reply = download(own.id(), own.consultant.email());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        Map<String, byte[]> entries = unzip(reply.body());
        assertThat(entries.keySet()).last().isEqualTo("manifest.json");

        Map<String, Object> manifest = json.readValue(entries.get("manifest.json"), Map.class);
        assertThat(manifest).containsEntry("format", "kakehashi-tenant-export").containsEntry("tenantId", own.id().toString());
        assertThat((String) manifest.get("schemaVersion")).matches("\\d{4}-\\d+");
        Map<String, Long> expectedRows;
        try (Connection admin = worlds.admin()) {
            expectedRows = Catalog.rowsOf(admin, own.id());
        }
        List<Map<String, Object>> files = (List<Map<String, Object>>) manifest.get("files");
        for (String table : expectedRows.keySet()) {
            assertThat(entries).as(table).containsKey("tables/" + table + ".csv");
        }
        for (Map<String, Object> file : files) {
            byte[] content = entries.get((String) file.get("name"));
            assertThat(content).as((String) file.get("name")).isNotNull();
            assertThat(file.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(((Number) file.get("bytes")).longValue()).isEqualTo(content.length);
            String table = (String) file.get("table");
            if (((String) file.get("name")).startsWith("tables/")) {
                assertThat(((Number) file.get("rows")).longValue()).as(table).isEqualTo(expectedRows.get(table));
            }
        }
        assertThat(expectedRows.get("response")).isEqualTo(6);
        String participants = new String(entries.get("tables/participant.csv"), StandardCharsets.UTF_8);
        assertThat(participants).contains(ownEmail);
        String responses = new String(entries.get("tables/response.csv"), StandardCharsets.UTF_8);
        assertThat(responses).as("CSV quoting keeps commas, quotes and line breaks").contains("\"Line one, \"\"quoted\"\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void secretsAreLeftOutAndListedAsExcluded() throws Exception {
        Map<String, byte[]> entries = unzip(download(own.id(), own.consultant.email()).body());
        String tokens = new String(entries.get("tables/invitation_token.csv"), StandardCharsets.UTF_8);
        assertThat(tokens.lines().findFirst().orElseThrow()).doesNotContain("token_hash").contains("invitation_id");
        assertThat(tokens.lines().count()).isEqualTo(1 + 6);
        String members = new String(entries.get("members.json"), StandardCharsets.UTF_8);
        assertThat(members).contains(own.executive.email()).doesNotContain("password").doesNotContain("$2");
        Map<String, Object> manifest = json.readValue(entries.get("manifest.json"), Map.class);
        assertThat((List<Map<String, Object>>) manifest.get("excluded"))
                .anySatisfy(e -> assertThat(e).containsEntry("table", "invitation_token").containsEntry("column", "token_hash"))
                .anySatisfy(e -> assertThat(e).containsEntry("table", "app_user").containsEntry("column", "password_hash"));
    }

    @Test
    void nothingOfAnotherTenantIsInTheExport() throws Exception {
        Map<String, byte[]> entries = unzip(download(own.id(), own.consultant.email()).body());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(entry.getKey()).doesNotContain(other.id().toString()).doesNotContain(otherEmail)
                    .doesNotContain(other.tenant.name()).doesNotContain(other.executive.email());
        }
    }

    @Test
    void executivesMayNotExportAndGetAProblem() throws Exception {
        HttpResponse<byte[]> reply = download(own.id(), own.executive.email());
        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    /** Not a timed test: prints how much the heap grew while a whole export streamed through a counting sink. */
    @Test
    void anExportStreamsThroughABoundedPipeAndTheExportIsAudited() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long[] bytes = {0};
        TenantContext.runAs(own.id(), () -> {
            try (var in = export.start(new Caller(own.consultant.id(), own.consultant.email(), own.consultant.role()))) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes[0] += n;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("tenant export: %d bytes streamed, heap %+d KiB (pipe holds at most %d KiB)%n", bytes[0],
                (heapAfter - heapBefore) / 1024, 8 * ExportPipe.CHUNK / 1024);
        assertThat(bytes[0]).isPositive();
        assertThat(own.count("SELECT count(*) FROM audit_event WHERE action = 'tenant.exported'")).isPositive();
        OutputStream sink = OutputStream.nullOutputStream();
        TenantContext.runAs(own.id(), () -> {
            try {
                export.writeTo(sink);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
