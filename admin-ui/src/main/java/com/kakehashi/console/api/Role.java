package com.kakehashi.console.api;

/** A console user's role; the capabilities here only decide what the console offers, the backend enforces them. */
public enum Role {
    OPERATOR, CONSULTANT, EXECUTIVE;

    public boolean canCreateTenants() { return this == OPERATOR; }

    public boolean canManageUsers() { return this == OPERATOR; }

    public boolean canManageMembers() { return this == OPERATOR; }

    /** Deleting a client's whole account is the platform operator's, as in the backend. */
    public boolean canOffboardTenants() { return this == OPERATOR; }

    /** Members, audit and engagement editing are consultancy-side functions that executives never see. */
    public boolean isConsultancyStaff() { return this != EXECUTIVE; }
}
