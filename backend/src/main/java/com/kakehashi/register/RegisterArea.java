package com.kakehashi.register;

/** Where in the client's strategy or operations an item belongs; a fixed list so the register can be grouped. */
public enum RegisterArea {
    PRICING,
    BRAND,
    APPROVAL_LIMITS,
    SALES_TARGETS,
    PRODUCT,
    REPORTING,
    PEOPLE,
    OTHER
}
