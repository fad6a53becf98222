package com.kakehashi.console.tenant;

public enum TenantTab { PARTICIPANTS, ENGAGEMENTS, SCHEDULES, WAVES, MAIL, MEMBERS, AUDIT }
