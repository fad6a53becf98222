package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;

import java.util.UUID;

/** How an item of a version is scored: the sign it measures and whether its scale runs the other way. */
public record ItemKey(UUID versionId, String code, WarningSign sign, boolean reverseKeyed) {
}
