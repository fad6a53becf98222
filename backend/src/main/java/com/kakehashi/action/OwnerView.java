package com.kakehashi.action;

import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner of one side and their agreement. For a console user {@code userId} with the user's
 * {@code name} and {@code email} as they are now, {@code language} absent; for a named person their
 * name, address and language. {@code agreedAt}/{@code agreedBy}: when the agreement was recorded and
 * by which user; {@code recordedOnBehalf}: someone other than the owner recorded it (a consultant
 * for a named owner, or for a user owner who agreed outside the console).
 */
@Serdeable
public record OwnerView(Side side, @Nullable UUID userId, String name, @Nullable String email, @Nullable String language,
                        @Nullable Instant agreedAt, @Nullable UUID agreedBy, boolean recordedOnBehalf) {

    public boolean agreed() {
        return agreedAt != null;
    }
}
