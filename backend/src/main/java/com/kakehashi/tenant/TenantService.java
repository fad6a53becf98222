package com.kakehashi.tenant;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.ForbiddenException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

@Singleton
public class TenantService {

    public static final int DEFAULT_ANONYMITY_THRESHOLD = 5;
    /** Comments a group needs by default before figures read from comments are shown, like the strictest peer. */
    public static final int DEFAULT_COMMENT_THRESHOLD = 10;
    /** Retention defaults (issue 13 §5; docs/operations.md, "Data lifecycle"). */
    public static final int DEFAULT_TOKEN_LINK_RETENTION_DAYS = 30;
    public static final int DEFAULT_COMMENT_RETENTION_MONTHS = 24;
    /** At least 90 (TenantChanges): a shorter policy would drop entries before a quarterly review read them. */
    public static final int DEFAULT_AUDIT_RETENTION_DAYS = 730;
    private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TenantRepository tenants;
    private final AuditLog audit;
    private final Clock clock;

    TenantService(TenantRepository tenants, AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Operators see every tenant; everyone else the tenants they are a member of. */
    @Transactional
    public List<TenantView> visibleTo(Caller caller) {
        List<Tenant> found = caller.isOperator() ? tenants.listOrderByName() : tenants.findByMember(caller.id());
        return found.stream().map(TenantView::of).toList();
    }

    @Transactional
    public TenantView create(Caller caller, NewTenant command) {
        String name = command.name().trim();
        if (tenants.nameTaken(name, new UUID(0, 0))) {
            throw new ConflictException("name", "A tenant with this name already exists.");
        }
        Instant now = clock.instant();
        int k = command.anonymityThreshold() == null ? DEFAULT_ANONYMITY_THRESHOLD : command.anonymityThreshold();
        Tenant tenant = new Tenant(UUID.randomUUID(), name, country(command.hqCountry()), zone(command.hqTimeZone()),
                command.japanSubsidiaryName().trim(), k,
                commentThreshold(command.commentThreshold(), Math.max(DEFAULT_COMMENT_THRESHOLD, k), k,
                        command.anonymityThreshold() != null),
                DEFAULT_TOKEN_LINK_RETENTION_DAYS, DEFAULT_COMMENT_RETENTION_MONTHS, DEFAULT_AUDIT_RETENTION_DAYS, now, now);
        tenants.save(tenant);
        TenantContext.runAs(tenant.id(), () -> audit.record(caller, "tenant.created", "tenant", tenant.id()));
        return TenantView.of(tenant);
    }

    /** The tenant in context; the request filter has already checked the caller may enter it. */
    @Transactional
    public TenantView current() {
        return TenantView.of(load(TenantContext.require()));
    }

    /**
     * Only operators rename a tenant. Tenant names are unique across all clients, so the uniqueness
     * check would tell a consultant whether another client of the same name exists; operators see
     * every tenant anyway. Sending the unchanged name is not a rename.
     */
    @Transactional
    public TenantView update(Caller caller, TenantChanges changes) {
        Tenant old = load(TenantContext.require());
        String name = changes.name() == null ? old.name() : changes.name().trim();
        if (!name.equals(old.name()) && !caller.isOperator()) {
            throw new ForbiddenException("name", "Only operators rename tenants.");
        }
        if (!name.equalsIgnoreCase(old.name()) && tenants.nameTaken(name, old.id())) {
            throw new ConflictException("name", "A tenant with this name already exists.");
        }
        int k = changes.anonymityThreshold() == null ? old.anonymityThreshold() : changes.anonymityThreshold();
        // k raised past the stored comment threshold takes it along: never below k, without a second request.
        Tenant updated = new Tenant(old.id(), name,
                changes.hqCountry() == null ? old.hqCountry() : country(changes.hqCountry()),
                changes.hqTimeZone() == null ? old.hqTimeZone() : zone(changes.hqTimeZone()),
                changes.japanSubsidiaryName() == null ? old.japanSubsidiaryName() : changes.japanSubsidiaryName().trim(),
                k, commentThreshold(changes.commentThreshold(), Math.max(old.commentThreshold(), k), k,
                        changes.anonymityThreshold() != null),
                changes.tokenLinkRetentionDays() == null ? old.tokenLinkRetentionDays() : changes.tokenLinkRetentionDays(),
                changes.commentRetentionMonths() == null ? old.commentRetentionMonths() : changes.commentRetentionMonths(),
                changes.auditRetentionDays() == null ? old.auditRetentionDays() : changes.auditRetentionDays(),
                old.createdAt(), clock.instant());
        tenants.update(updated);
        audit.record(caller, "tenant.updated", "tenant", old.id());
        return TenantView.of(updated);
    }

    /**
     * Comments a group of the tenant in context needs before any figure read from its comments is
     * shown (careful wording, comment themes): the tenant's comment threshold, never below its k.
     */
    @Transactional
    public int commentThreshold() {
        Tenant tenant = load(TenantContext.require());
        return Math.max(tenant.commentThreshold(), tenant.anonymityThreshold());
    }

    /** @param kSent whether k came in the same request: then the clash is named on both fields. */
    private static int commentThreshold(Integer asked, int otherwise, int k, boolean kSent) {
        if (asked == null) {
            return otherwise;
        }
        if (asked < k) {
            Problem.FieldError threshold = new Problem.FieldError("commentThreshold",
                    "must be at least the anonymity threshold (" + k + ")");
            throw new InvalidInputException(!kSent ? List.of(threshold) : List.of(threshold,
                    new Problem.FieldError("anonymityThreshold", "must not be above the comment threshold (" + asked + ")")));
        }
        return asked;
    }

    /** The HQ time zone of the tenant in context: the default for HQ-side participants. */
    @Transactional
    public ZoneId hqZone() {
        return ZoneId.of(load(TenantContext.require()).hqTimeZone());
    }

    /** Every tenant's id: for background work that visits each tenant in turn. */
    @Transactional
    public List<UUID> allIds() {
        return tenants.listOrderByName().stream().map(Tenant::id).toList();
    }

    /**
     * The loop every background task uses: {@code work} runs inside each tenant in turn (its own
     * transactions are its business). A tenant whose work fails is logged and skipped, so one
     * tenant's bad data never stops the others; what failed is retried on the task's next run.
     *
     * @param task what the work is, for the log
     * @return the sum of what {@code work} returned for the tenants that succeeded
     */
    public int forEachTenant(String task, ToIntFunction<UUID> work) {
        return forEachTenant(task, allIds(), work);
    }

    /** {@link #forEachTenant(String, ToIntFunction)} over some tenants, in the given order (a worker's share). */
    public static int forEachTenant(String task, List<UUID> tenantIds, ToIntFunction<UUID> work) {
        int total = 0;
        for (UUID tenant : tenantIds) {
            try {
                total += TenantContext.callAs(tenant, () -> work.applyAsInt(tenant));
            } catch (RuntimeException e) {
                LOG.error("{} failed for tenant {}", task, tenant, e);
            }
        }
        return total;
    }

    @Transactional
    public boolean exists(UUID tenantId) {
        return tenants.existsById(tenantId);
    }

    private Tenant load(UUID id) {
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant"));
    }

    private static String country(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw new InvalidInputException("hqCountry", "must be an ISO 3166 two-letter country code");
        }
        return upper;
    }

    static String zone(String id) {
        try {
            return ZoneId.of(id.trim()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("hqTimeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
