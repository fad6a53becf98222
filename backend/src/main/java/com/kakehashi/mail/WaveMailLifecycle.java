package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.wave.WaveClosed;
import com.kakehashi.wave.WaveOpened;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A wave's mails follow the wave: queued when it opens, cancelled when it closes. Both run inside
 * the wave's transaction and tenant (the events are published there and listened to synchronously), so the
 * mails commit with the wave's change or not at all; nothing is left for a sweep to repair.
 */
@Singleton
class WaveMailLifecycle {

    static final String WAVE_CLOSED = "wave closed";
    private static final Logger LOG = LoggerFactory.getLogger(WaveMailLifecycle.class);

    private final InvitationService invitations;
    private final OutboxStore store;
    private final OutboxMetrics metrics;

    WaveMailLifecycle(InvitationService invitations, OutboxStore store, OutboxMetrics metrics) {
        this.invitations = invitations;
        this.store = store;
        this.metrics = metrics;
    }

    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void onWaveOpened(WaveOpened event) {
        List<OutboxStore.Addressee> addressees = invitations.ofWave(event.waveId()).stream()
                .map(i -> new OutboxStore.Addressee(i.id(), i.sendAt())).toList();
        int queued = store.queue(addressees, event.reminderOffsetDays(), event.closesAt());
        // One invitation mail per addressee; the rest are its reminders.
        metrics.queued(OutboxKind.INVITATION, addressees.size());
        metrics.queued(OutboxKind.REMINDER, queued - addressees.size());
    }

    /** The one cancellation of a closing wave's mails: the event is published once per wave. */
    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void onWaveClosed(WaveClosed event) {
        int cancelled = store.cancelPending(invitations.idsOfWave(event.waveId()), WAVE_CLOSED);
        metrics.waveCancellation(cancelled);
        LOG.debug("Wave {} closed: {} pending mails cancelled", event.waveId(), cancelled);
    }
}
