package com.kakehashi.account;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A console user as operators manage them: who they are and which tenants they may enter. */
@Serdeable
public record AccountUserView(UUID id, String email, String displayName, Role role, boolean active,
                              Instant createdAt, List<UUID> tenantIds) {

    static AccountUserView of(UserView user, List<UUID> tenantIds) {
        return new AccountUserView(user.id(), user.email(), user.displayName(), user.role(), user.active(),
                user.createdAt(), tenantIds);
    }
}
