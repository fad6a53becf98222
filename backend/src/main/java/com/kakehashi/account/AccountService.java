package com.kakehashi.account;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Joins users (identity) with the tenants they may enter (tenant) for the console's account screens. */
@Singleton
class AccountService {

    private final UserService users;
    private final MembershipService memberships;
    private final TenantService tenants;

    AccountService(UserService users, MembershipService memberships, TenantService tenants) {
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
    }

    @Transactional
    MeView me(Caller caller) {
        UserView user = users.get(caller.id());
        List<MeView.TenantRef> visible = tenants.visibleTo(caller).stream()
                .map(t -> new MeView.TenantRef(t.id(), t.name(), caller.role() != Role.EXECUTIVE
                        || TenantContext.callAs(t.id(), () -> memberships.mayManageParticipants(caller))))
                .toList();
        return new MeView(user.id(), user.email(), user.displayName(), user.role(), visible);
    }

    @Transactional
    List<AccountUserView> list() {
        return users.list().stream().map(u -> AccountUserView.of(u, memberships.tenantsOf(u.id()))).toList();
    }

    @Transactional
    AccountUserView get(UUID id) {
        return AccountUserView.of(users.get(id), memberships.tenantsOf(id));
    }

    /** One transaction: an executive whose tenant does not exist is not created at all. */
    @Transactional
    AccountUserView create(Caller caller, NewAccount command) {
        if (command.role() == Role.EXECUTIVE && command.tenantId() == null) {
            throw new InvalidInputException("tenantId", "is required for a client executive");
        }
        if (command.role() == Role.OPERATOR && command.tenantId() != null) {
            throw new InvalidInputException("tenantId", "must be empty: operators see every tenant");
        }
        if (command.tenantId() != null && !tenants.exists(command.tenantId())) {
            throw new InvalidInputException("tenantId", "no such tenant");
        }
        UserView created = users.create(command.user());
        if (command.tenantId() != null) {
            TenantContext.runAs(command.tenantId(), () -> memberships.assign(caller, created.id()));
        }
        return AccountUserView.of(created, memberships.tenantsOf(created.id()));
    }
}
