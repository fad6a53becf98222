package com.kakehashi.action;

import com.kakehashi.tenant.TenantService;
import jakarta.inject.Singleton;

/**
 * Visits every tenant and queues the overdue notice of its late actions, each tenant in its own
 * transaction. Idempotent (the outbox takes a notice once per action and address), so a run that
 * crashes halfway, runs twice, or overlaps with another replica mails nobody twice.
 */
@Singleton
public class ActionOverdue {

    private final TenantService tenants;
    private final ActionService actions;

    ActionOverdue(TenantService tenants, ActionService actions) {
        this.tenants = tenants;
        this.actions = actions;
    }

    /** @return the actions newly noticed as overdue in this run */
    public int run() {
        return tenants.forEachTenant("Overdue action notices", tenant -> actions.noticeOverdue());
    }
}
