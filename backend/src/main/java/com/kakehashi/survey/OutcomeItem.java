package com.kakehashi.survey;

import java.util.UUID;

/** An outcome item of a version, as the key-driver analysis scores it. */
public record OutcomeItem(UUID versionId, String code, boolean reverseKeyed) {
}
