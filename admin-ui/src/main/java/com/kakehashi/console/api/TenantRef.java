package com.kakehashi.console.api;

import java.util.UUID;

public record TenantRef(UUID id, String name) {
}
