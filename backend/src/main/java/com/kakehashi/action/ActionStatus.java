package com.kakehashi.action;

/**
 * Where an action stands: PROPOSED until an owner on each side has agreed, then AGREED, IN_PROGRESS
 * once started, DONE; DROPPED (with a reason) from any state before DONE. The order is the list's order.
 */
public enum ActionStatus {
    PROPOSED,
    AGREED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** Not finished one way or the other: may still be late. */
    public boolean open() {
        return this != DONE && this != DROPPED;
    }
}
