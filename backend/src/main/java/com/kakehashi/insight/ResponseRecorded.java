package com.kakehashi.insight;

import java.util.UUID;

/**
 * Published inside the transaction that stored a response, which the trigger on {@code response}
 * also queued in {@code insight_pending}: after the commit {@link RollupFolder} folds it soon; the
 * queue row keeps it safe until then, or until the periodic sweep.
 */
record ResponseRecorded(UUID tenantId) {
}
