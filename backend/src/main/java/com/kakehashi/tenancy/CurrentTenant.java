package com.kakehashi.tenancy;

import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.UUID;

/** The tenant of the work in progress, carried across threads by Micronaut's propagated context. */
record CurrentTenant(UUID id) implements PropagatedContextElement {
}
