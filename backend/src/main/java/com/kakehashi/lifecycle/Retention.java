package com.kakehashi.lifecycle;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.invitation.InvitationService;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Applies each tenant's retention settings (docs/operations.md, "Data lifecycle"), one tenant per
 * transaction: after a wave has been closed N days its invitations lose their token hashes, after
 * M months its responses lose their comments (answers, rollups and comment counts stay), and audit
 * entries older than the policy go. Idempotent: a second run the same day finds nothing left, so a
 * crash halfway or two replicas at once do no harm.
 * <p>
 * The careful-wording figures are read from the comments on demand: for a wave past comment
 * retention they are no longer available (shown as below the comment threshold), by design.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final TenantService tenants;
    private final WaveService waves;
    private final InvitationService invitations;
    private final RetentionStore store;
    private final AuditLog audit;
    private final Clock clock;

    Retention(TenantService tenants, WaveService waves, InvitationService invitations, RetentionStore store,
              AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.waves = waves;
        this.invitations = invitations;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the rows removed or blanked across all tenants */
    public int run() {
        Instant now = clock.instant();
        int total = tenants.forEachTenant("Retention", tenant -> applyAt(now).total());
        LOG.info("Retention removed or blanked {} rows", total);
        return total;
    }

    /**
     * The tenant in context's retention, as if it were {@code now}. A run that removed something is
     * audited with its counts (a run that found nothing leaves no entry: a daily empty entry per
     * tenant would bury the audit log; the task's last success shows it ran).
     */
    @Transactional
    public RetentionRun applyAt(Instant now) {
        TenantView tenant = tenants.current();
        Instant linksBefore = now.minus(Duration.ofDays(tenant.tokenLinkRetentionDays()));
        Instant commentsBefore = now.atZone(ZoneOffset.UTC).minusMonths(tenant.commentRetentionMonths()).toInstant();
        int links = invitations.forgetTokensOfWaves(waves.closedBefore(linksBefore));
        int comments = store.clearComments(commentsBefore);
        int auditEntries = store.purgeAudit(now.minus(Duration.ofDays(tenant.auditRetentionDays())));
        RetentionRun run = new RetentionRun(links, comments, auditEntries);
        if (run.total() > 0) {
            audit.record(null, "retention.applied", "tenant", tenant.id(), run.detail());
        }
        return run;
    }
}
