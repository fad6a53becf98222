package com.kakehashi.tenant;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenancy.TenantMembershipLookup;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.ForbiddenException;
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
        return store.isMember(tenantId, userId) && users.find(userId).map(UserView::active).orElse(false);
    }

    @Transactional
    public List<MemberView> members() {
        UUID tenantId = TenantContext.require();
        Set<UUID> admins = store.participantAdmins(tenantId);
        return users.findAll(store.members(tenantId)).stream()
                .map(u -> MemberView.of(u, admins.contains(u.id()))).toList();
    }

    @Transactional
    public MemberView member(UUID userId) {
        UUID tenantId = TenantContext.require();
        if (!store.members(tenantId).contains(userId)) {
            throw new NotFoundException("member");
        }
        return MemberView.of(users.get(userId), store.isParticipantAdmin(tenantId, userId));
    }

    /**
     * Grants or revokes an executive's client-administrator permission: maintaining the participant
     * list (names, emails). Idempotent; only a change is audited.
     */
    @Transactional
    public MemberView setParticipantAdmin(Caller caller, UUID userId, boolean granted) {
        UUID tenantId = TenantContext.require();
        if (!store.members(tenantId).contains(userId)) {
            throw new NotFoundException("member");
        }
        UserView user = users.get(userId);
        if (user.role() != Role.EXECUTIVE) {
            throw new InvalidInputException("participantAdmin",
                    "Only a client executive's membership carries this permission; consultants manage participants anyway.");
        }
        if (store.setParticipantAdmin(tenantId, userId, granted)) {
            audit.record(caller, granted ? "member.participant-admin.granted" : "member.participant-admin.revoked",
                    "user", userId);
        }
        return MemberView.of(user, granted);
    }

    /**
     * Whether the caller may see and change the participants of the tenant in context: operators and
     * the tenant's consultants always, its executives only with the client-administrator permission.
     */
    @Transactional
    public boolean mayManageParticipants(Caller caller) {
        return caller.role() != Role.EXECUTIVE || store.isParticipantAdmin(TenantContext.require(), caller.id());
    }

    /** @throws ForbiddenException for an executive without the client-administrator permission */
    @Transactional
    public void requireParticipantAdmin(Caller caller) {
        if (!mayManageParticipants(caller)) {
            throw new ForbiddenException("participantAdmin",
                    "Participant data needs the client-administrator permission; a consultant of this tenant can grant it.");
        }
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
        return MemberView.of(user, store.isParticipantAdmin(tenantId, userId));
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
                && users.find(userId).map(u -> u.active() && u.role() == Role.CONSULTANT).orElse(false);
    }

    @Transactional
    public List<UUID> tenantsOf(UUID userId) {
        return store.tenantsOf(userId);
    }
}
