package com.kakehashi.respond;

import java.util.UUID;

/**
 * Published inside the transaction that stored a response (which also queued it for the insight
 * rollups, by trigger): listeners that act after the commit fold it soon; the queue row keeps it
 * safe until they do, or until the periodic sweep does.
 */
public record ResponseStored(UUID tenantId) {
}
