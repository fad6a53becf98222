package com.kakehashi.register;

/** What a side says to one version of an item. */
public enum ApprovalDecision {
    AGREE,
    DISAGREE
}
