package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Tenant(UUID id, String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName,
                     Integer anonymityThreshold, Integer commentThreshold, OffsetDateTime createdAt) {
}
