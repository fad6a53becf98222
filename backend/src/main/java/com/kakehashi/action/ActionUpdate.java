package com.kakehashi.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The action after an edit. {@code agreementsReset}: the owners or signs changed after one or both
 * owners had agreed, so their agreements were withdrawn and the action is PROPOSED again;
 * {@code message} says so in words.
 */
@Serdeable
public record ActionUpdate(ActionView action, boolean agreementsReset, @Nullable String message) {
}
