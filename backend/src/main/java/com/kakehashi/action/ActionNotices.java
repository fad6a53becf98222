package com.kakehashi.action;

import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.OutboxQueue;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is told what about an action, queued on the one outbox inside the transaction of the change.
 * A proposal goes to the two owners; agreement, completion and lateness to the owners and the
 * engagement's active consultants. A console user's address is read now; a named owner carries
 * their own address and language (users and consultants have no language: their mail is English,
 * then Japanese). The outbox takes each notice once per action, event and address.
 */
@Singleton
class ActionNotices {

    record Recipient(java.util.UUID userId, String email, String language) {
    }

    private final OutboxQueue outbox;
    private final UserService users;
    private final EngagementService engagements;

    ActionNotices(OutboxQueue outbox, UserService users, EngagementService engagements) {
        this.outbox = outbox;
        this.users = users;
        this.engagements = engagements;
    }

    /** @return how many notices were queued now (0 when every recipient had this one already) */
    int queue(ActionView action, ActionEvent event) {
        int queued = 0;
        for (Recipient recipient : recipients(action, event)) {
            if (outbox.queueAction(action.id(), event.name(), recipient.userId(), recipient.email(), recipient.language())) {
                queued++;
            }
        }
        return queued;
    }

    List<Recipient> recipients(ActionView action, ActionEvent event) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (OwnerView owner : List.of(action.hqOwner(), action.japanOwner())) {
            owner(owner).ifPresent(r -> byAddress.putIfAbsent(r.email().toLowerCase(Locale.ROOT), r));
        }
        if (event != ActionEvent.PROPOSED) {
            users.findAll(engagements.get(action.engagementId()).consultantIds()).stream().filter(UserView::active)
                    .forEach(c -> byAddress.putIfAbsent(c.email().toLowerCase(Locale.ROOT), new Recipient(c.id(), c.email(), null)));
        }
        return new ArrayList<>(byAddress.values());
    }

    private Optional<Recipient> owner(OwnerView owner) {
        if (owner.userId() == null) {
            return Optional.of(new Recipient(null, Objects.requireNonNull(owner.email()), owner.language()));
        }
        return users.find(owner.userId()).filter(UserView::active).map(u -> new Recipient(u.id(), u.email(), null));
    }
}
