package com.kakehashi.support;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.NewUser;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.NewTenant;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Builds the people and tenants a test needs, through the same services the API uses. */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final UserService users;
    private final TenantService tenants;
    private final MembershipService memberships;

    Fixtures(UserService users, TenantService tenants, MembershipService memberships) {
        this.users = users;
        this.tenants = tenants;
        this.memberships = memberships;
    }

    public UserView user(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        return users.create(new NewUser(email, role.name() + " " + email.substring(0, 8), role, PASSWORD));
    }

    public UserView operator() {
        return user(Role.OPERATOR);
    }

    public TenantView tenant(String prefix) {
        Caller system = new Caller(operator().id(), "fixtures@test.example", Role.OPERATOR);
        return tenants.create(system, new NewTenant(prefix + " " + UUID.randomUUID(), "DE", "Europe/Berlin",
                prefix + " Japan KK", null));
    }

    /** A consultant or executive who may enter the given tenant. */
    public UserView memberOf(TenantView tenant, Role role) {
        UserView user = user(role);
        Caller system = new Caller(user.id(), "fixtures@test.example", Role.OPERATOR);
        TenantContext.runAs(tenant.id(), () -> memberships.assign(system, user.id()));
        return user;
    }
}
