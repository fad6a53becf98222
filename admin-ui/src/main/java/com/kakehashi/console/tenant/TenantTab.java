package com.kakehashi.console.tenant;

public enum TenantTab { PARTICIPANTS, ENGAGEMENTS, MEMBERS, AUDIT }
