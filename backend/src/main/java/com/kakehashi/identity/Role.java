package com.kakehashi.identity;

/** What a console user may do; the names are the JWT role claims and the {@code @Secured} values. */
public enum Role {
    OPERATOR,
    CONSULTANT,
    EXECUTIVE;

    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String CONSULTANT_NAME = "CONSULTANT";
    public static final String EXECUTIVE_NAME = "EXECUTIVE";
}
