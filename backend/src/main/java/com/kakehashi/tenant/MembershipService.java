package com.kakehashi.tenant;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenancy.TenantMembershipLookup;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who may enter which tenant: operators every tenant, consultants and executives their memberships. */
@Singleton
public class MembershipService implements TenantMembershipLookup {

    private final MembershipStore store;
    private final UserService users;
    private final TenantRepository tenants;
    private final AuditLog audit;

    MembershipService(MembershipStore store, UserService users, TenantRepository tenants, AuditLog audit) {
        this.store = store;
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Override
    @Transactional
    public boolean mayEnter(UUID userId, Set<String> roles, UUID tenantId) {
        if (roles.contains(Role.OPERATOR.name())) {
            return tenants.existsById(tenantId) && users.find(userId).map(UserView::active).orElse(false);
        }
        return store.isMember(tenantId, userId);
    }

    @Transactional
    public List<MemberView> members() {
        return users.findAll(store.members(TenantContext.require())).stream().map(MemberView::of).toList();
    }

    @Transactional
    public MemberView member(UUID userId) {
        UUID tenantId = TenantContext.require();
        if (!store.members(tenantId).contains(userId)) {
            throw new NotFoundException("member");
        }
        return MemberView.of(users.get(userId));
    }

    /** Idempotent: assigning an existing member again changes nothing. */
    @Transactional
    public MemberView assign(Caller caller, UUID userId) {
        UUID tenantId = TenantContext.require();
        UserView user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
        if (user.role() == Role.OPERATOR) {
            throw new InvalidInputException("userId", "Operators see every tenant and are never members.");
        }
        if (user.role() == Role.EXECUTIVE) {
            List<UUID> others = store.tenantsOf(userId).stream().filter(t -> !t.equals(tenantId)).toList();
            if (!others.isEmpty()) {
                throw new ConflictException("userId", "A client executive belongs to exactly one tenant.");
            }
        }
        if (store.add(tenantId, userId)) {
            audit.record(caller, "member.assigned", "user", userId);
        }
        return MemberView.of(user);
    }

    @Transactional
    public void unassign(Caller caller, UUID userId) {
        if (!store.remove(TenantContext.require(), userId)) {
            throw new NotFoundException("member");
        }
        audit.record(caller, "member.unassigned", "user", userId);
    }

    /** True if the user is a consultant assigned to the tenant in context. */
    @Transactional
    public boolean isConsultantHere(UUID userId) {
        return store.isMember(TenantContext.require(), userId)
                && users.find(userId).map(u -> u.role() == Role.CONSULTANT).orElse(false);
    }

    @Transactional
    public List<UUID> tenantsOf(UUID userId) {
        return store.tenantsOf(userId);
    }
}
