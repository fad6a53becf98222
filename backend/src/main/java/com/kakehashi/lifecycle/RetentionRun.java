package com.kakehashi.lifecycle;

/** What one retention run removed in one tenant: counts only, never what the rows said. */
public record RetentionRun(int tokenLinks, int comments, int auditEntries) {

    public int total() {
        return tokenLinks + comments + auditEntries;
    }

    String detail() {
        return "tokenLinks=" + tokenLinks + " comments=" + comments + " auditEntries=" + auditEntries;
    }
}
