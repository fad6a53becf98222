package com.kakehashi.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The owner of an action on one side: either a console user of the tenant ({@code userId} alone) or a
 * named person without an account ({@code name}, {@code email} and the {@code language} they are
 * written to in, "ja" or "en").
 */
@Serdeable
public record OwnerDetails(@Nullable UUID userId,
                           @Nullable @Size(max = 200) String name,
                           @Nullable @Email @Size(max = 254) String email,
                           @Nullable @Pattern(regexp = "ja|en", message = "must be ja or en") String language) {

    public static OwnerDetails user(UUID userId) {
        return new OwnerDetails(userId, null, null, null);
    }

    public static OwnerDetails named(String name, String email, String language) {
        return new OwnerDetails(null, name, email, language);
    }
}
