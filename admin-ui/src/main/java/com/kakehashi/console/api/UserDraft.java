package com.kakehashi.console.api;

import java.util.UUID;

/** A new console account; {@code tenantId} binds an executive to their company and is null for other roles. */
public record UserDraft(String email, String displayName, Role role, String password, UUID tenantId) {
}
