package com.kakehashi.lifecycle;

import com.kakehashi.identity.Caller;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Removes a client: every row of the tenant in context, in one transaction, through the 0031
 * function {@code offboard_tenant} (it runs as the tables' owner because audit and response rows
 * are append-only for the app role). Checked twice before commit: the function counts what is
 * left over every tenant_id table, and so does this class through the catalog; anything left rolls
 * it all back. The deletion is recorded in the platform audit, which has no tenant and survives.
 */
@Singleton
public class TenantOffboarding {

    private static final Logger LOG = LoggerFactory.getLogger(TenantOffboarding.class);

    private final TenantService tenants;
    private final TenantTables tables;
    private final PlatformAuditStore platformAudit;
    private final Clock clock;

    TenantOffboarding(TenantService tenants, TenantTables tables, PlatformAuditStore platformAudit, Clock clock) {
        this.tenants = tenants;
        this.tables = tables;
        this.platformAudit = platformAudit;
        this.clock = clock;
    }

    /**
     * @param confirm the tenant's exact name, so that a mistyped id in a script removes nothing
     */
    @Transactional
    public void offboard(Caller caller, @Nullable String confirm) {
        TenantView tenant = tenants.current();
        if (confirm == null || !confirm.equals(tenant.name())) {
            throw new InvalidInputException("confirm", "must be the tenant's exact name");
        }
        String counts = platformAudit.offboard(tenant.id());
        long left = tables.rowsOf(TenantContext.require());
        if (left != 0 || tenants.exists(tenant.id())) {
            throw new IllegalStateException("offboarding left " + left + " rows of tenant " + tenant.id());
        }
        platformAudit.record(caller, clock.instant(), "tenant.offboarded", tenant.id(), tenant.name(), counts);
        LOG.info("Tenant {} offboarded by {}: {}", tenant.id(), caller.id(), counts);
    }

    /** The newest platform audit entries (operators only). */
    @Transactional
    public List<PlatformAuditEntry> platformAudit(int limit) {
        return platformAudit.latest(limit);
    }
}
