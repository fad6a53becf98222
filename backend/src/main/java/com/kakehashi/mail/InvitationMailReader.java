package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationView;
import com.kakehashi.participant.ParticipantContacts;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.SurveyTitles;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveWindow;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What claimed invitation and reminder rows need to become mails, read at send time through the
 * owners' services (invitation, participant, wave, schedule), one read per owner and round: the
 * address and name as they are now, the closing time as it is now.
 */
@Singleton
class InvitationMailReader {

    private final InvitationService invitations;
    private final ParticipantContacts contacts;
    private final WaveService waves;
    private final ScheduleService schedules;

    InvitationMailReader(InvitationService invitations, ParticipantContacts contacts, WaveService waves,
                        ScheduleService schedules) {
        this.invitations = invitations;
        this.contacts = contacts;
        this.waves = waves;
        this.schedules = schedules;
    }

    /** In claim order; a row whose invitation or wave is gone is left out. */
    List<OutboxMail> complete(List<QueuedMail> queued) {
        Map<UUID, InvitationView> invited = invitations.find(queued.stream().map(QueuedMail::invitationId).toList());
        Map<UUID, ParticipantContacts.Contact> people = contacts.of(invited.values().stream()
                .map(InvitationView::participantId).filter(Objects::nonNull).distinct().toList());
        Map<UUID, WaveWindow> windows = waves.windows(invited.values().stream().map(InvitationView::waveId).distinct().toList());
        Map<UUID, SurveyTitles> bySchedule = new HashMap<>();
        windows.values().stream().map(WaveWindow::scheduleId).distinct()
                .forEach(id -> schedules.surveyTitles(id).ifPresent(t -> bySchedule.put(id, t)));
        List<OutboxMail> mails = new ArrayList<>(queued.size());
        for (QueuedMail row : queued) {
            InvitationView invitation = invited.get(row.invitationId());
            WaveWindow wave = invitation == null ? null : windows.get(invitation.waveId());
            SurveyTitles titles = wave == null ? null : bySchedule.get(wave.scheduleId());
            if (titles == null) {
                continue;
            }
            ParticipantContacts.Contact contact = invitation.participantId() == null ? null : people.get(invitation.participantId());
            mails.add(new OutboxMail(row.id(), row.invitationId(), row.kind(), row.sendAfter(), row.attempts(),
                    invitation.language(), invitation.timeZone(), invitation.responded(),
                    contact == null ? null : contact.email(), contact == null ? null : contact.displayName(),
                    wave.closesAt(), titles.in(invitation.language())));
        }
        return mails;
    }
}
