package com.kakehashi.console.api;

import java.util.UUID;

public record Member(UUID userId, String email, String displayName, Role role) {
}
