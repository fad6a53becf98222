package com.kakehashi.console.tenant;

public enum TenantTab { PARTICIPANTS, ENGAGEMENTS, INSTRUMENT, SCHEDULES, WAVES, MAIL, OBJECTIVE, MEMBERS, AUDIT }
