package com.kakehashi.identity;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record UserView(UUID id, String email, String displayName, Role role, boolean active, Instant createdAt) {

    static UserView of(AppUser user) {
        return new UserView(user.id(), user.email(), user.displayName(), user.role(), user.active(), user.createdAt());
    }
}
