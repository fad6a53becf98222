package com.kakehashi.account;

import com.kakehashi.identity.NewUser;
import com.kakehashi.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A new console user; an executive is bound to their tenant at once. */
@Serdeable
public record NewAccount(@NotBlank @Email @Size(max = 254) String email,
                         @NotBlank @Size(max = 200) String displayName,
                         @NotNull Role role,
                         @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
                         @Nullable UUID tenantId) {

    NewUser user() {
        return new NewUser(email, displayName, role, password);
    }
}
