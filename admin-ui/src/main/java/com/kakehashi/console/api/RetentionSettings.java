package com.kakehashi.console.api;

/**
 * How long a tenant keeps what the retention task thins out (backend docs/operations.md, "Data
 * lifecycle"): token links and comments counted from a wave's close, audit entries by their age.
 */
public record RetentionSettings(int tokenLinkDays, int commentMonths, int auditDays) {
}
