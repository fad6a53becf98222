package com.kakehashi.lifecycle;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Everything of the tenant in context as a zip, streamed: a writer thread fills a bounded pipe
 * while the server sends what is already written, so neither the zip nor a table is ever held
 * in memory. The export is audited before the first byte leaves.
 */
@Singleton
public class TenantExport {

    private static final Logger LOG = LoggerFactory.getLogger(TenantExport.class);

    private final ExportWriter writer;
    private final AuditLog audit;

    TenantExport(ExportWriter writer, AuditLog audit) {
        this.writer = writer;
        this.audit = audit;
    }

    /** @return the zip as it is being written; the caller must read it to the end or close it */
    public InputStream start(Caller caller) {
        UUID tenantId = TenantContext.require();
        recordExport(caller, tenantId);
        ExportPipe pipe = new ExportPipe();
        Thread.ofVirtual().name("tenant-export-" + tenantId).start(() -> {
            try (OutputStream out = pipe.out) {
                TenantContext.runAs(tenantId, () -> {
                    try {
                        writer.write(out);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (Exception | Error e) {
                LOG.error("Export of tenant {} broke off", tenantId, e);
                pipe.fail(e);
            }
        });
        return pipe.in;
    }

    /** Writes the whole export to {@code out} on the calling thread (tests, scripts). */
    public void writeTo(OutputStream out) throws java.io.IOException {
        writer.write(out);
    }

    @Transactional
    void recordExport(Caller caller, UUID tenantId) {
        audit.record(caller, "tenant.exported", "tenant", tenantId);
    }
}
