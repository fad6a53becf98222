package com.kakehashi.invitation;

import com.kakehashi.vocabulary.Side;

import java.util.UUID;

/** Invited and responded for one side of one wave: counts, never who. */
public record InvitationCount(UUID waveId, Side side, long invited, long responded) {
}
