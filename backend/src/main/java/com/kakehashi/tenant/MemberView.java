package com.kakehashi.tenant;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A member of the tenant. {@code participantAdmin}: an executive may maintain the participant list
 * (granted by a consultant or operator); always true for consultants, who manage participants anyway.
 */
@Serdeable
public record MemberView(UUID userId, String email, String displayName, Role role, boolean participantAdmin) {

    static MemberView of(UserView user, boolean participantAdmin) {
        return new MemberView(user.id(), user.email(), user.displayName(), user.role(),
                user.role() != Role.EXECUTIVE || participantAdmin);
    }
}
