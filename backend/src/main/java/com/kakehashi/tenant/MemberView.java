package com.kakehashi.tenant;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

@Serdeable
public record MemberView(UUID userId, String email, String displayName, Role role) {

    static MemberView of(UserView user) {
        return new MemberView(user.id(), user.email(), user.displayName(), user.role());
    }
}
