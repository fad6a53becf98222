package com.kakehashi.action;

import com.kakehashi.vocabulary.Side;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** The owner of this side ({@code HQ} or {@code JAPAN}) agrees to the action as it stands. */
@Serdeable
public record Agreement(@NotNull Side side) {
}
