package com.kakehashi.action;

import com.kakehashi.alert.AlertService;
import com.kakehashi.alert.AlertStatus;
import com.kakehashi.alert.AlertView;
import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenant.MemberView;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.ForbiddenException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Action plans of the tenant in context: proposed, agreed by an owner on each side, started, done or
 * dropped. Operators and consultants do everything; a client executive proposes, comments and agrees
 * for the side they own. Every change is audited; owners and the engagement's consultants are told
 * through the mail outbox ({@link ActionNotices}). "Today" is the UTC date of the injected clock.
 */
@Singleton
public class ActionService {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final ActionStore store;
    private final EngagementService engagements;
    private final AlertService alerts;
    private final MembershipService memberships;
    private final UserService users;
    private final ActionNotices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final ActionEffects effects;

    ActionService(ActionStore store, EngagementService engagements, AlertService alerts, MembershipService memberships,
                  UserService users, ActionNotices notices, AuditLog audit, Clock clock, ActionEffects effects) {
        this.store = store;
        this.effects = effects;
        this.engagements = engagements;
        this.alerts = alerts;
        this.memberships = memberships;
        this.users = users;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** By status (PROPOSED first, DROPPED last), then due date. */
    @Transactional
    public List<ActionView> list(@Nullable UUID engagementId, @Nullable ActionStatus status) {
        List<ActionStore.Row> rows = new ArrayList<>(store.list(engagementId, status));
        rows.sort(Comparator.comparing(ActionStore.Row::status).thenComparing(ActionStore.Row::dueOn));
        return views(rows);
    }

    @Transactional
    public ActionView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("action"));
    }

    /**
     * What the waves since the action began say about the signs it targets. A dropped action is
     * measured up to the day it was dropped; a done one keeps being measured, because what it put in
     * place is expected to go on working. An action not started yet is "too early" by its planned start.
     */
    @Transactional
    public ActionEffect effect(UUID id, @Nullable Integer beforeWaves) {
        ActionView action = get(id);
        LocalDate endedOn = action.status() == ActionStatus.DROPPED ? action.droppedOn() : null;
        if (endedOn != null && endedOn.isBefore(action.effectiveStart())) {
            endedOn = action.effectiveStart();
        }
        return effects.estimate(action.engagementId(), java.util.EnumSet.copyOf(action.signs()), action.effectiveStart(),
                endedOn, beforeWaves == null ? ActionEffects.DEFAULT_BEFORE_WAVES : beforeWaves);
    }

    /** The action, or empty if there is none with this id in the tenant in context. */
    @Transactional
    public Optional<ActionView> find(UUID id) {
        return store.find(id, false).map(row -> views(List.of(row)).getFirst());
    }

    /**
     * Proposes an action to its owners. With {@code alertId}: the alert must be of the same
     * engagement; it is linked and, if still open, acknowledged (an acknowledged or resolved alert
     * stays as it is), and its sign is the target when no signs are given.
     */
    @Transactional
    public ActionView create(Caller caller, ActionDetails details) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!engagementExists(details.engagementId())) {
            errors.add(new Problem.FieldError("engagementId", "no such engagement in this tenant"));
        }
        AlertView alert = null;
        if (details.alertId() != null) {
            alert = alert(details.alertId());
            if (alert == null) {
                errors.add(new Problem.FieldError("alertId", "no such alert in this tenant"));
            } else if (!alert.engagementId().equals(details.engagementId())) {
                errors.add(new Problem.FieldError("alertId", "belongs to another engagement"));
            }
        }
        List<WarningSign> signs = signs(details.signs(), alert);
        if (signs.isEmpty()) {
            errors.add(new Problem.FieldError("signs", "at least one warning sign is required"));
        }
        checkDates(details.startOn(), details.dueOn(), errors);
        Owners owners = owners(details.hqOwner(), details.japanOwner(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        store.insert(new ActionStore.Row(id, details.engagementId(), details.alertId(), details.title().strip(),
                blankToNull(details.description()), details.language(), signs, details.startOn(), details.dueOn(),
                ActionStatus.PROPOSED, null, null, null, null, caller.id(), now, now));
        store.putOwner(id, owners.hq());
        store.putOwner(id, owners.japan());
        audit.record(caller, "action.created", "action", id);
        if (alert != null && alert.status() == AlertStatus.OPEN) {
            alerts.acknowledge(caller, alert.id());
        }
        ActionView created = get(id);
        notices.queue(created, ActionEvent.PROPOSED);
        return created;
    }

    /**
     * Edits an action. PROPOSED or AGREED: everything; new owners or signs withdraw the agreements
     * given so far and make it PROPOSED again (said in the answer). IN_PROGRESS: title, description,
     * language and due date only. DONE or DROPPED: nothing.
     */
    @Transactional
    public ActionUpdate update(Caller caller, UUID id, ActionChanges changes) {
        ActionStore.Row old = load(id, true);
        if (!old.status().open()) {
            throw new ConflictException("status", "A " + old.status() + " action can no longer be changed.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        checkDates(changes.startOn(), changes.dueOn(), errors);
        Owners owners = owners(changes.hqOwner(), changes.japanOwner(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<Side, ActionStore.Owner> current = store.owners(List.of(id)).getOrDefault(id, Map.of());
        boolean hqChanged = !owners.hq().samePerson(current.get(Side.HQ));
        boolean japanChanged = !owners.japan().samePerson(current.get(Side.JAPAN));
        List<WarningSign> signs = List.copyOf(new LinkedHashSet<>(changes.signs()));
        boolean signsChanged = !EnumSet.copyOf(signs).equals(EnumSet.copyOf(old.signs()));
        if (old.status() == ActionStatus.IN_PROGRESS) {
            if (hqChanged || japanChanged) {
                throw new ConflictException("status", "The action is in progress: its owners can no longer change.");
            }
            if (signsChanged) {
                throw new ConflictException("status", "The action is in progress: the signs it targets can no longer change.");
            }
            if (!changes.startOn().equals(old.startOn())) {
                throw new ConflictException("status", "The action is in progress: its start date can no longer change.");
            }
        }
        boolean anyAgreement = current.values().stream().anyMatch(o -> o.agreedAt() != null);
        boolean reset = anyAgreement && (hqChanged || japanChanged || signsChanged);
        ActionStatus status = reset ? ActionStatus.PROPOSED : old.status();
        store.updateContent(id, changes.title().strip(), blankToNull(changes.description()), changes.language(), signs,
                changes.startOn(), changes.dueOn(), status, clock.instant());
        if (reset) {
            store.clearAgreements(id);
        }
        if (hqChanged) {
            store.putOwner(id, owners.hq());
        }
        if (japanChanged) {
            store.putOwner(id, owners.japan());
        }
        audit.record(caller, "action.updated", "action", id);
        if (reset) {
            audit.record(caller, "action.agreements-reset", "action", id);
        }
        ActionView updated = get(id);
        if (hqChanged || japanChanged) {
            notices.queue(updated, ActionEvent.PROPOSED);
        }
        return new ActionUpdate(updated, reset, reset
                ? "The owners or the targeted signs changed after agreement: both owners must agree again." : null);
    }

    /**
     * The owner of {@code side} agrees. An executive agrees only for the side they own; operators and
     * consultants record an owner's agreement (on the owner's behalf when it is not their own). Both
     * sides agreed: AGREED, and owners and consultants are told.
     */
    @Transactional
    public ActionView agree(Caller caller, UUID id, Side side) {
        return agree(caller, id, side, clock.instant());
    }

    /** {@link #agree(Caller, UUID, Side)} recorded at {@code at} (now from the API; the demo history writes past instants). */
    @Transactional
    public ActionView agree(Caller caller, UUID id, Side side, Instant at) {
        if (side != Side.HQ && side != Side.JAPAN) {
            throw new InvalidInputException("side", "must be HQ or JAPAN: an action has one owner on each of these sides");
        }
        ActionStore.Row action = load(id, true);
        ActionStore.Owner owner = store.owners(List.of(id)).getOrDefault(id, Map.of()).get(side);
        if (owner == null) {
            throw new NotFoundException("action");
        }
        if (caller.role() == Role.EXECUTIVE && !caller.id().equals(owner.userId())) {
            throw new ForbiddenException("side", "Only the " + side + " owner of this action, or a consultant, may agree for this side.");
        }
        if (action.status() != ActionStatus.PROPOSED) {
            throw new ConflictException("status", "Only a PROPOSED action can be agreed to; this one is " + action.status() + ".");
        }
        if (owner.agreedAt() != null) {
            throw new ConflictException("side", "The " + side + " owner has already agreed.");
        }
        store.agree(id, side, at, caller.id());
        audit.record(caller, "action.agreement-recorded", "action", id, side.name());
        Side otherSide = side == Side.HQ ? Side.JAPAN : Side.HQ;
        ActionStore.Owner other = store.owners(List.of(id)).get(id).get(otherSide);
        if (other != null && other.agreedAt() != null) {
            store.transition(id, ActionStatus.AGREED, null, null, null, null, at);
            audit.record(caller, "action.agreed", "action", id);
            ActionView agreed = get(id);
            notices.queue(agreed, ActionEvent.AGREED);
            return agreed;
        }
        return get(id);
    }

    @Transactional
    public ActionView start(Caller caller, UUID id) {
        return start(caller, id, today());
    }

    /** AGREED → IN_PROGRESS, started on {@code on} (today from the API; the demo history writes past dates). */
    @Transactional
    public ActionView start(Caller caller, UUID id, LocalDate on) {
        ActionStore.Row action = load(id, true);
        if (action.status() != ActionStatus.AGREED) {
            throw new ConflictException("status", "Only an AGREED action can start; this one is " + action.status() + ".");
        }
        store.transition(id, ActionStatus.IN_PROGRESS, on, null, null, null, clock.instant());
        audit.record(caller, "action.started", "action", id);
        return get(id);
    }

    @Transactional
    public ActionView done(Caller caller, UUID id) {
        return done(caller, id, today());
    }

    /** IN_PROGRESS → DONE on {@code on}; owners and consultants are told. */
    @Transactional
    public ActionView done(Caller caller, UUID id, LocalDate on) {
        ActionStore.Row action = load(id, true);
        if (action.status() != ActionStatus.IN_PROGRESS) {
            throw new ConflictException("status", "Only an IN_PROGRESS action can be done; this one is " + action.status() + ".");
        }
        if (on.isBefore(action.startedOn())) {
            throw new InvalidInputException("doneOn", "must not be before the action started (" + action.startedOn() + ")");
        }
        store.transition(id, ActionStatus.DONE, action.startedOn(), on, null, null, clock.instant());
        audit.record(caller, "action.done", "action", id);
        ActionView done = get(id);
        notices.queue(done, ActionEvent.DONE);
        return done;
    }

    @Transactional
    public ActionView drop(Caller caller, UUID id, String reason) {
        return drop(caller, id, reason, today());
    }

    /** Any action not yet DONE or DROPPED may be dropped, with the reason why, on {@code on}. */
    @Transactional
    public ActionView drop(Caller caller, UUID id, String reason, LocalDate on) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "a dropped action needs the reason why");
        }
        ActionStore.Row action = load(id, true);
        if (!action.status().open()) {
            throw new ConflictException("status", "A " + action.status() + " action cannot be dropped.");
        }
        store.transition(id, ActionStatus.DROPPED, action.startedOn(), null, on, why, clock.instant());
        audit.record(caller, "action.dropped", "action", id, why);
        return get(id);
    }

    @Transactional
    public List<ActionCommentView> comments(UUID id) {
        load(id, false);
        return store.comments(id);
    }

    @Transactional
    public ActionCommentView comment(Caller caller, UUID id, NewComment comment) {
        load(id, false);
        ActionCommentView saved = new ActionCommentView(UUID.randomUUID(), id, caller.id(), caller.email(),
                comment.text().strip(), comment.language(), clock.instant());
        store.addComment(saved);
        audit.record(caller, "action.commented", "action", id);
        return saved;
    }

    /** How many open actions of the tenant in context are past their due date, and by how many days the oldest. */
    public record Overdue(int count, int oldestDays) {
    }

    @Transactional
    public Overdue overdue() {
        LocalDate today = today();
        List<ActionStore.Row> rows = store.overdue(today);
        return new Overdue(rows.size(), rows.isEmpty() ? 0
                : (int) java.time.temporal.ChronoUnit.DAYS.between(rows.getFirst().dueOn(), today));
    }

    /**
     * Queues the overdue notice of every open action of the tenant in context whose due date has
     * passed. The outbox takes a notice once per action and address, so running this again (or on two
     * replicas) mails nobody twice. @return the actions newly noticed
     */
    @Transactional
    public int noticeOverdue() {
        List<ActionView> overdue = views(store.overdue(today()));
        int noticed = 0;
        for (ActionView action : overdue) {
            if (notices.queue(action, ActionEvent.OVERDUE) > 0) {
                audit.record(null, "action.overdue", "action", action.id());
                noticed++;
            }
        }
        return noticed;
    }

    // ---- checks ----

    private boolean engagementExists(UUID engagementId) {
        try {
            engagements.get(engagementId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private AlertView alert(UUID alertId) {
        try {
            return alerts.get(alertId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Given signs in order without repeats; none given: the alert's sign, where it has one. */
    private static List<WarningSign> signs(@Nullable List<WarningSign> given, @Nullable AlertView alert) {
        if (given != null && !given.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(given));
        }
        if (alert != null && alert.sign() != null) {
            for (WarningSign sign : WarningSign.values()) {
                if (sign.name().equals(alert.sign())) {
                    return List.of(sign);
                }
            }
        }
        return List.of();
    }

    private static void checkDates(LocalDate startOn, LocalDate dueOn, List<Problem.FieldError> errors) {
        if (startOn.isBefore(EARLIEST) || startOn.isAfter(LATEST)) {
            errors.add(new Problem.FieldError("startOn", "must be between " + EARLIEST + " and " + LATEST));
        }
        if (dueOn.isBefore(EARLIEST) || dueOn.isAfter(LATEST)) {
            errors.add(new Problem.FieldError("dueOn", "must be between " + EARLIEST + " and " + LATEST));
        } else if (dueOn.isBefore(startOn)) {
            errors.add(new Problem.FieldError("dueOn", "must not be before the start date"));
        }
    }

    private record Owners(ActionStore.Owner hq, ActionStore.Owner japan) {
    }

    /**
     * Each owner a member of the tenant or a complete named person, and two different people: an
     * action agreed by one person for both sides is exactly the alignment it pretends to have.
     */
    private Owners owners(OwnerDetails hq, OwnerDetails japan, List<Problem.FieldError> errors) {
        Map<UUID, MemberView> members = null;
        if (hq.userId() != null || japan.userId() != null) {
            members = memberships.members().stream().collect(Collectors.toMap(MemberView::userId, Function.identity()));
        }
        ActionStore.Owner hqOwner = owner("hqOwner", Side.HQ, hq, members, errors);
        ActionStore.Owner japanOwner = owner("japanOwner", Side.JAPAN, japan, members, errors);
        if (hqOwner != null && japanOwner != null && address(hqOwner, members).equalsIgnoreCase(address(japanOwner, members))) {
            errors.add(new Problem.FieldError("japanOwner", "must be another person than the HQ owner"));
        }
        return new Owners(hqOwner, japanOwner);
    }

    private static String address(ActionStore.Owner owner, @Nullable Map<UUID, MemberView> members) {
        return owner.userId() != null ? members.get(owner.userId()).email() : owner.email();
    }

    private static ActionStore.Owner owner(String field, Side side, OwnerDetails details, @Nullable Map<UUID, MemberView> members,
                                           List<Problem.FieldError> errors) {
        String name = blankToNull(details.name());
        String email = blankToNull(details.email());
        if (details.userId() != null) {
            if (name != null || email != null || details.language() != null) {
                errors.add(new Problem.FieldError(field + ".userId",
                        "either a console user (userId) or a named person (name, email, language), not both"));
                return null;
            }
            MemberView member = members.get(details.userId());
            if (member == null) {
                errors.add(new Problem.FieldError(field + ".userId", "must be a member of this tenant"));
                return null;
            }
            return new ActionStore.Owner(side, details.userId(), null, null, null, null, null);
        }
        if (name == null && email == null && details.language() == null) {
            errors.add(new Problem.FieldError(field, "needs a userId for a console user, or name, email and language for a named person"));
            return null;
        }
        int before = errors.size();
        if (name == null) {
            errors.add(new Problem.FieldError(field + ".name", "a named owner needs a name (or give a userId)"));
        }
        if (email == null) {
            errors.add(new Problem.FieldError(field + ".email", "a named owner needs an email address"));
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new Problem.FieldError(field + ".email", "must be an email address"));
        }
        if (details.language() == null) {
            errors.add(new Problem.FieldError(field + ".language", "a named owner needs a language, ja or en"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ActionStore.Owner(side, null, name, email.toLowerCase(Locale.ROOT), details.language(), null, null);
    }

    // ---- views ----

    private List<ActionView> views(List<ActionStore.Row> rows) {
        Map<UUID, Map<Side, ActionStore.Owner>> owners = store.owners(rows.stream().map(ActionStore.Row::id).toList());
        Set<UUID> userIds = new HashSet<>();
        owners.values().forEach(m -> m.values().stream().map(ActionStore.Owner::userId).filter(Objects::nonNull).forEach(userIds::add));
        Map<UUID, UserView> people = users.findAll(userIds).stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        LocalDate today = today();
        return rows.stream().map(row -> {
            Map<Side, ActionStore.Owner> of = owners.getOrDefault(row.id(), Map.of());
            return new ActionView(row.id(), row.engagementId(), row.alertId(), row.title(), row.description(), row.language(),
                    row.signs(), row.startOn(), row.dueOn(), row.status(), row.status().open() && row.dueOn().isBefore(today),
                    row.dropReason(), row.startedOn(), row.doneOn(), row.droppedOn(), ownerView(of.get(Side.HQ), people),
                    ownerView(of.get(Side.JAPAN), people), row.createdBy(), row.createdAt(), row.updatedAt());
        }).toList();
    }

    private static OwnerView ownerView(ActionStore.Owner owner, Map<UUID, UserView> people) {
        if (owner.userId() != null) {
            UserView user = people.get(owner.userId());
            return new OwnerView(owner.side(), owner.userId(), user == null ? "" : user.displayName(),
                    user == null ? null : user.email(), null, owner.agreedAt(), owner.agreedBy(),
                    owner.agreedBy() != null && !owner.agreedBy().equals(owner.userId()));
        }
        return new OwnerView(owner.side(), null, owner.name(), owner.email(), owner.language(), owner.agreedAt(),
                owner.agreedBy(), owner.agreedBy() != null);
    }

    private ActionStore.Row load(UUID id, boolean lock) {
        return store.find(id, lock).orElseThrow(() -> new NotFoundException("action"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
