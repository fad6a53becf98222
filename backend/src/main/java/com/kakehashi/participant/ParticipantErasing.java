package com.kakehashi.participant;

import java.util.UUID;

/**
 * Published inside the erasing transaction, before the participant's row goes: listeners can still
 * follow the participant's links (invitations lose them when the row is deleted), and a listener
 * that fails rolls the erasure back.
 */
public record ParticipantErasing(UUID participantId) {
}
