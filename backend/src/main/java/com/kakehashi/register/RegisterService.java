package com.kakehashi.register;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.register.RegisterStore.ApprovalRow;
import com.kakehashi.register.RegisterStore.ItemRow;
import com.kakehashi.register.RegisterStore.VersionRow;
import com.kakehashi.register.RegisterViews.ApprovalView;
import com.kakehashi.register.RegisterViews.RegisterHealth;
import com.kakehashi.register.RegisterViews.RegisterItemView;
import com.kakehashi.register.RegisterViews.VersionView;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The global–local register (docs/register.md). A classification takes effect only when an HQ
 * approver and a Japan approver agreed to that exact version; a new version reopens the item, while
 * the last version both agreed to stays in effect until the new one is agreed. Each side's latest
 * word on a version counts, earlier ones stay in the history.
 *
 * <p>The methods taking an {@code Instant} record history as of that time (a register kept elsewhere
 * brought in, or the demo); the API records at the clock's time.
 */
@Singleton
public class RegisterService {

    static final Comparator<RegisterItemView> OPEN_FIRST = Comparator
            .comparing(RegisterItemView::state)
            .thenComparing(i -> i.disagreedSince() == null ? Instant.MAX : i.disagreedSince())
            .thenComparing(i -> i.title().toLowerCase(Locale.ROOT))
            .thenComparing(RegisterItemView::id);

    private final RegisterStore store;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    RegisterService(RegisterStore store, UserService users, AuditLog audit, Clock clock) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open disagreements first (oldest first), then pending, then agreed; optionally one classification or state. */
    @Transactional
    public List<RegisterItemView> list(Classification classification, RegisterState state, RegisterArea area) {
        return views(null).stream()
                .filter(i -> classification == null || i.current().classification() == classification)
                .filter(i -> state == null || i.state() == state)
                .filter(i -> area == null || i.area() == area)
                .sorted(OPEN_FIRST)
                .toList();
    }

    @Transactional
    public RegisterItemView get(UUID itemId) {
        List<RegisterItemView> found = views(itemId);
        if (found.isEmpty()) {
            throw new NotFoundException("register item");
        }
        return found.getFirst();
    }

    @Transactional
    public RegisterHealth health() {
        List<RegisterItemView> items = views(null);
        int agreed = count(items, RegisterState.AGREED);
        int pending = count(items, RegisterState.PENDING);
        int disagreed = count(items, RegisterState.DISAGREED);
        List<Integer> ages = items.stream().map(RegisterItemView::disagreementDays).filter(Objects::nonNull).sorted().toList();
        Double median = null;
        if (!ages.isEmpty()) {
            int n = ages.size();
            median = n % 2 == 1 ? ages.get(n / 2) : (ages.get(n / 2 - 1) + ages.get(n / 2)) / 2.0;
        }
        return new RegisterHealth(items.size(), agreed, pending, disagreed,
                items.isEmpty() ? null : (double) agreed / items.size(), ages.size(),
                ages.isEmpty() ? null : ages.getLast(), median);
    }

    @Transactional
    public RegisterItemView create(Caller caller, NewRegisterItem item) {
        return create(caller, item, clock.instant());
    }

    @Transactional
    public RegisterItemView create(Caller caller, NewRegisterItem item, Instant at) {
        String title = oneLine("title", item.title(), 200);
        String rationale = text("rationale", item.rationale(), 4000);
        if (item.signs() != null && item.signs().stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("signs", "must not contain null");
        }
        List<WarningSign> signs = item.signs() == null ? List.of() : List.copyOf(new LinkedHashSet<>(item.signs()));
        UUID id = UUID.randomUUID();
        store.insertItem(id, title, item.area(), signs, caller.id(), at);
        store.insertVersion(id, 1, item.classification(), rationale, caller.id(), at);
        audit.record(caller, "register-item.created", "register_item", id, "v1 " + item.classification());
        return get(id);
    }

    /** A change: a new version, which reopens the item until both sides agree to it. */
    @Transactional
    public RegisterItemView propose(Caller caller, UUID itemId, NewRegisterVersion change) {
        return propose(caller, itemId, change, clock.instant());
    }

    @Transactional
    public RegisterItemView propose(Caller caller, UUID itemId, NewRegisterVersion change, Instant at) {
        int current = store.lockCurrentVersion(itemId).orElseThrow(() -> new NotFoundException("register item"));
        if (change.basedOn() != current) {
            throw new ConflictException("basedOn", "the item changed meanwhile: the current version is " + current
                    + ", not " + change.basedOn());
        }
        String rationale = text("rationale", change.rationale(), 4000);
        VersionRow latest = store.versions(itemId).getLast();
        if (latest.classification() == change.classification() && latest.rationale().equals(rationale)) {
            throw new InvalidInputException("rationale", "the same classification and rationale as version " + current
                    + ": a new version must change something");
        }
        store.insertVersion(itemId, current + 1, change.classification(), rationale, caller.id(), at);
        audit.record(caller, "register-item.version-proposed", "register_item", itemId,
                "v" + (current + 1) + " " + change.classification());
        return get(itemId);
    }

    /** One side's word on the current version. */
    @Transactional
    public RegisterItemView approve(Caller caller, UUID itemId, NewApproval approval) {
        return approve(caller, itemId, approval, clock.instant());
    }

    @Transactional
    public RegisterItemView approve(Caller caller, UUID itemId, NewApproval approval, Instant at) {
        int current = store.lockCurrentVersion(itemId).orElseThrow(() -> new NotFoundException("register item"));
        if (approval.side() != Side.HQ && approval.side() != Side.JAPAN) {
            throw new InvalidInputException("side", "an HQ or a Japan approver agrees; a regional office is no side of the register");
        }
        if (approval.version() != current) {
            throw new ConflictException("version", "version " + approval.version() + " is not the current version of this item ("
                    + current + "): agree or disagree to version " + current);
        }
        String comment = approval.comment() == null || approval.comment().isBlank() ? null : text("comment", approval.comment(), 2000);
        if (approval.decision() == ApprovalDecision.DISAGREE && comment == null) {
            throw new InvalidInputException("comment", "a disagreement needs a comment that says why");
        }
        String approverName = approval.approverName() == null || approval.approverName().isBlank() ? null
                : oneLine("approverName", approval.approverName(), 120);
        if (approval.decision() == ApprovalDecision.AGREE) {
            Side other = approval.side() == Side.HQ ? Side.JAPAN : Side.HQ;
            ApprovalRow otherWord = latest(store.approvals(itemId), current, other);
            if (otherWord != null && otherWord.decision() == ApprovalDecision.AGREE
                    && person(otherWord.approverName(), otherWord.recordedBy()).equals(person(approverName, caller.id()))) {
                throw new ConflictException("side", "the same person already agreed for " + other
                        + ": HQ and Japan need an approver each (name who agreed in approverName)");
            }
        }
        UUID id = UUID.randomUUID();
        store.insertApproval(id, itemId, current, approval.side(), approval.decision(), comment, approverName, caller.id(), at);
        audit.record(caller, approval.decision() == ApprovalDecision.AGREE ? "register-item.agreed" : "register-item.disagreed",
                "register_item", itemId, "v" + current + " " + approval.side());
        return get(itemId);
    }

    @Transactional
    public void delete(Caller caller, UUID itemId) {
        if (!store.deleteItem(itemId)) {
            throw new NotFoundException("register item");
        }
        audit.record(caller, "register-item.deleted", "register_item", itemId);
    }

    // ---- reading: rows to views ----

    private List<RegisterItemView> views(UUID itemId) {
        List<ItemRow> items = store.items(itemId);
        if (items.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<VersionRow>> versions = store.versions(itemId).stream()
                .collect(Collectors.groupingBy(VersionRow::itemId));
        Map<UUID, List<ApprovalRow>> approvals = store.approvals(itemId).stream()
                .collect(Collectors.groupingBy(ApprovalRow::itemId));
        Set<UUID> people = new HashSet<>();
        versions.values().forEach(vs -> vs.forEach(v -> people.add(v.authoredBy())));
        approvals.values().forEach(as -> as.forEach(a -> people.add(a.recordedBy())));
        people.remove(null);
        Map<UUID, String> names = names(people);
        Instant now = clock.instant();
        List<RegisterItemView> views = new ArrayList<>();
        for (ItemRow item : items) {
            views.add(view(item, versions.getOrDefault(item.id(), List.of()), approvals.getOrDefault(item.id(), List.of()), names, now));
        }
        return views;
    }

    private Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAll(ids).stream().collect(Collectors.toMap(UserView::id, UserView::displayName, (a, b) -> a));
    }

    private static RegisterItemView view(ItemRow item, List<VersionRow> versionRows, List<ApprovalRow> approvalRows,
                                         Map<UUID, String> names, Instant now) {
        Function<ApprovalRow, ApprovalView> approvalView = a -> new ApprovalView(a.id(), a.version(), a.side(), a.decision(),
                a.comment(), a.approverName() != null ? a.approverName() : names.getOrDefault(a.recordedBy(), "—"),
                a.recordedBy(), names.get(a.recordedBy()), a.recordedAt());
        List<VersionView> history = new ArrayList<>();
        for (VersionRow v : versionRows) {
            List<ApprovalRow> onVersion = approvalRows.stream().filter(a -> a.version() == v.version()).toList();
            ApprovalRow hq = latest(onVersion, v.version(), Side.HQ);
            ApprovalRow japan = latest(onVersion, v.version(), Side.JAPAN);
            boolean agreed = hq != null && japan != null && hq.decision() == ApprovalDecision.AGREE
                    && japan.decision() == ApprovalDecision.AGREE;
            history.add(new VersionView(v.version(), v.classification(), v.rationale(), v.authoredBy(),
                    names.get(v.authoredBy()), v.authoredAt(), hq == null ? null : approvalView.apply(hq),
                    japan == null ? null : approvalView.apply(japan), agreed, onVersion.stream().map(approvalView).toList()));
        }
        history.sort(Comparator.comparingInt(VersionView::version).reversed());
        VersionView current = history.stream().filter(v -> v.version() == item.currentVersion()).findFirst().orElseThrow();
        VersionView inEffect = history.stream().filter(VersionView::agreed).findFirst().orElse(null);
        Instant disagreedSince = disagreedSince(current, approvalRows);
        RegisterState state = disagreedSince != null ? RegisterState.DISAGREED
                : current.agreed() ? RegisterState.AGREED : RegisterState.PENDING;
        Integer days = disagreedSince == null ? null : (int) Math.max(0, Duration.between(disagreedSince, now).toDays());
        return new RegisterItemView(item.id(), item.title(), item.area(), item.signs(), state, current, inEffect,
                disagreedSince, days, item.createdAt(), history);
    }

    /**
     * When the open disagreement on the version began: for each side whose latest word is a disagreement,
     * the first disagreement of the unbroken run of disagreements that ends in it; the earlier of the sides.
     */
    private static Instant disagreedSince(VersionView current, List<ApprovalRow> approvals) {
        Instant since = null;
        for (Side side : List.of(Side.HQ, Side.JAPAN)) {
            List<ApprovalRow> words = approvals.stream()
                    .filter(a -> a.version() == current.version() && a.side() == side).toList();
            if (words.isEmpty() || words.getLast().decision() != ApprovalDecision.DISAGREE) {
                continue;
            }
            Instant start = words.getLast().recordedAt();
            for (int i = words.size() - 1; i >= 0 && words.get(i).decision() == ApprovalDecision.DISAGREE; i--) {
                start = words.get(i).recordedAt();
            }
            since = since == null || start.isBefore(since) ? start : since;
        }
        return since;
    }

    private static ApprovalRow latest(List<ApprovalRow> approvals, int version, Side side) {
        ApprovalRow latest = null;
        for (ApprovalRow a : approvals) {
            if (a.version() == version && a.side() == side) {
                latest = a;
            }
        }
        return latest;
    }

    /** Who an approval speaks for: the named person (case and spacing ignored), else the recording user. */
    private static String person(String approverName, UUID recordedBy) {
        return approverName != null ? "name:" + approverName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                : "user:" + recordedBy;
    }

    private static int count(List<RegisterItemView> items, RegisterState state) {
        return (int) items.stream().filter(i -> i.state() == state).count();
    }

    /** The JSON reader has refused control characters already; callers inside the backend are checked for length. */
    private static String oneLine(String field, String value, int max) {
        String text = text(field, value, max);
        if (text.contains("\n") || text.contains("\t")) {
            throw new InvalidInputException(field, "must be a single line");
        }
        return text;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
