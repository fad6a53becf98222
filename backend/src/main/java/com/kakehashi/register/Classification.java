package com.kakehashi.register;

/** How far an item of the client's strategy or operations is global (docs/register.md). */
public enum Classification {
    /** Global, applies in Japan as is. */
    NON_NEGOTIABLE,
    /** Global intent, local form. */
    ADAPTABLE,
    /** Japan decides. */
    LOCAL
}
