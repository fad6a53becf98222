package com.kakehashi.bootstrap;

import com.kakehashi.action.ActionDetails;
import com.kakehashi.action.ActionService;
import com.kakehashi.action.ActionView;
import com.kakehashi.action.OwnerDetails;
import com.kakehashi.alert.AlertService;
import com.kakehashi.alert.AlertView;
import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.identity.Role;
import com.kakehashi.mail.HistoricDelivery;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.kakehashi.objective.DecisionDetails;
import com.kakehashi.objective.ObjectiveService;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.engagement.EngagementView;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.schedule.Cadence;
import com.kakehashi.schedule.ScheduleDetails;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.timeline.NewTimelineEvent;
import com.kakehashi.timeline.TimelineService;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One demo tenant: its members, 48 participants, an engagement with its story's events, a published
 * copy of the default instrument, a fortnightly pulse that has been running for two years, and that pulse's history
 * as told by a {@link DemoStory}.
 */
@Singleton
class DemoTenant {

    /** Two years of fortnightly waves before the next one. */
    static final int HISTORY_WEEKS = 104;

    private static final String[] JAPANESE_FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村",
            "小林", "加藤", "吉田", "山田", "佐々木", "松本", "井上", "木村", "林", "清水", "山口", "森", "池田", "橋本",
            "阿部", "石川"};
    private static final String[] JAPANESE_GIVEN = {"健", "美咲", "大輔", "陽子", "翔太", "由美", "直樹", "恵",
            "拓也", "彩", "誠", "真由美"};
    private static final String[] ROMAJI_FAMILY = {"sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto",
            "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "matsumoto", "inoue", "kimura", "hayashi",
            "shimizu", "yamaguchi", "mori", "ikeda", "hashimoto", "abe", "ishikawa"};
    private static final String[] WESTERN_GIVEN = {"Anna", "Lukas", "Emily", "James", "Sophie", "Daniel", "Laura",
            "Michael", "Hannah", "David", "Julia", "Thomas", "Olivia", "Martin", "Sarah", "Peter", "Claire", "Jonas",
            "Rachel", "Felix"};
    private static final String[] WESTERN_FAMILY = {"Müller", "Schmidt", "Smith", "Johnson", "Weber", "Brown",
            "Fischer", "Miller", "Wagner", "Davis", "Becker", "Wilson", "Hoffmann", "Taylor", "Koch", "Clark", "Richter",
            "Lewis", "Klein", "Walker"};

    private final MembershipService memberships;
    private final ParticipantService participants;
    private final EngagementService engagements;
    private final InstrumentService instruments;
    private final ScheduleService schedules;
    private final DemoHistory history;
    private final TimelineService timeline;
    private final ObjectiveService objectives;
    private final DemoRegister register;
    private final ActionService actions;
    private final AlertService alerts;
    private final HistoricDelivery delivery;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DemoTenant(MembershipService memberships, ParticipantService participants, EngagementService engagements,
               InstrumentService instruments, ScheduleService schedules, DemoHistory history, TimelineService timeline,
               ObjectiveService objectives, DemoRegister register, ActionService actions, AlertService alerts,
               HistoricDelivery delivery, TransactionOperations<Connection> transactions, Clock clock) {
        this.actions = actions;
        this.alerts = alerts;
        this.delivery = delivery;
        this.transactions = transactions;
        this.memberships = memberships;
        this.participants = participants;
        this.engagements = engagements;
        this.instruments = instruments;
        this.schedules = schedules;
        this.history = history;
        this.timeline = timeline;
        this.objectives = objectives;
        this.register = register;
        this.clock = clock;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);

    /** What the seeding made, for tests. */
    record Seeded(UUID engagementId, UUID scheduleId, int historicWaves) {
    }

    /** @param members the first is the engagement's consultant */
    Seeded seed(Caller system, TenantView tenant, List<UserView> members, String domain, String engagementName,
                String goals, DemoStory story) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return TenantContext.callAs(tenant.id(), () -> {
            members.forEach(m -> memberships.assign(system, m.id()));
            addParticipants(system, domain, story.staff());
            // No consultant yet while the history is written: historic alerts would otherwise mail
            // the demo mailbox dozens of times. The consultant joins once history is done.
            EngagementDetails details = new EngagementDetails(engagementName, goals,
                    today.minusWeeks(story.engagementWeeksAgo()), today.plusMonths(10), EngagementStatus.ACTIVE, List.of());
            EngagementView engagement = engagements.create(system, details);
            for (DemoStory.Event event : story.events()) {
                timeline.create(system, engagement.id(), new NewTimelineEvent(today.minusWeeks(event.weeksAgo()), event.kind(),
                        event.labelEn(), event.labelJa()));
            }
            for (DemoStory.Decision d : story.decisions()) {
                LocalDate proposed = today.minusWeeks(d.weeksAgo());
                LocalDate approved = proposed.plusDays(d.daysToApproval());
                LocalDate consulted = d.consultedDaysBefore() == null ? null : proposed.minusDays(d.consultedDaysBefore());
                objectives.createDecision(system, new DecisionDetails(engagement.id(), d.title(), proposed, approved,
                        consulted != null, consulted, approved.plusDays(d.daysToExecution()), null));
            }
            register.seed(members, story.name());
            // A published copy of the default instrument and a fortnightly pulse, so a visitor can
            // launch a wave at once and answer it from the demo mailbox. The pulse started two years
            // before its next occurrence (next Monday), so the history ends just before it. It asks HQ
            // and Japan only: the four regional leads would always be a group below k, and a hidden
            // side next to a shown total makes complementary suppression hide HQ or Japan every wave.
            InstrumentView instrument = instruments.create(system, new NewInstrument("HQ–Japan pulse / 本社・日本法人パルス", true));
            InstrumentVersionView version = instruments.publish(system, instrument.id(), instrument.versions().getFirst().id());
            LocalDate next = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            ScheduleView schedule = schedules.create(system, new ScheduleDetails("Fortnightly pulse / 隔週パルス",
                    "Working together: HQ and Japan", "本社と日本法人の協働について", engagement.id(), version.id(), Set.of(Side.HQ, Side.JAPAN), Set.of(), Cadence.BIWEEKLY, LocalTime.of(10, 0),
                    LocalTime.of(10, 0), 7, List.of(3), next.minusWeeks(HISTORY_WEEKS), null));
            int waves = history.replay(tenant.id(), schedule, version, story);
            engagements.update(system, engagement.id(), new EngagementDetails(details.name(), details.goals(),
                    details.startDate(), details.endDate(), details.status(), List.of(members.getFirst().id())));
            addActions(members, domain, engagement.id(), story, today);
            return new Seeded(engagement.id(), schedule.id(), waves);
        });
    }

    /**
     * The story's actions through the action service, step by step at their past dates, once the history
     * (and so its alerts) exists and the consultant has joined. Each action's notices are queued as the
     * service queues them and, in the same transaction, recorded as sent when each event happened
     * ({@link HistoricDelivery}): the demo mailbox gets none of them. An action already late gets its
     * overdue notice in its own transaction too, as sent the day after it was due.
     */
    private void addActions(List<UserView> members, String domain, UUID engagementId, DemoStory story, LocalDate today) {
        if (story.actions().isEmpty()) {
            return;
        }
        UserView consultantUser = members.getFirst();
        Caller consultant = new Caller(consultantUser.id(), consultantUser.email(), Role.CONSULTANT);
        UserView executive = members.stream().filter(m -> m.role() == Role.EXECUTIVE).findFirst().orElse(null);
        List<AlertView> japanAlerts = alerts.list(null).stream()
                .filter(a -> a.engagementId().equals(engagementId) && a.side() == Side.JAPAN && a.sign() != null).toList();
        for (DemoStory.Action a : story.actions()) {
            transactions.executeWrite(status -> {
                addAction(a, consultant, executive, domain, engagementId, japanAlerts, today);
                return null;
            });
        }
    }

    private void addAction(DemoStory.Action a, Caller consultant, UserView executive, String domain, UUID engagementId,
                           List<AlertView> japanAlerts, LocalDate today) {
        LocalDate proposed = today.minusDays(a.proposedDaysAgo());
        UUID alertId = null;
        if (a.answersAlert()) {
            alertId = japanAlerts.stream()
                    .filter(al -> a.signs().stream().anyMatch(s -> s.name().equals(al.sign())) && al.openedOn().isBefore(proposed))
                    .max(Comparator.comparing(AlertView::openedOn)).map(AlertView::id).orElse(null);
            if (alertId == null) {
                LOG.info("Demo actions: no alert of Japan on {} before {}; \"{}\" is not linked to one", a.signs(), proposed,
                        a.title());
            }
        }
        Caller executiveCaller = executive == null ? null : new Caller(executive.id(), executive.email(), Role.EXECUTIVE);
        // An executive who owns the action proposes the ones HQ wants and agrees for their own side; the
        // consultant records everything else, on the owners' behalf where they have no console login.
        Caller proposer = a.hq().executive() && executiveCaller != null && !a.answersAlert() ? executiveCaller : consultant;
        ActionView action = actions.create(proposer, new ActionDetails(engagementId, alertId, a.title(), a.description(),
                a.language(), a.signs(), today.minusDays(a.startDaysAgo()), today.minusDays(a.dueDaysAgo()),
                owner(a.hq(), Side.HQ, executive, domain), owner(a.japan(), Side.JAPAN, executive, domain)));
        Map<String, Instant> notices = new LinkedHashMap<>();
        notices.put("PROPOSED", at(proposed));
        Instant agreed = null;
        if (a.hqAgreedDaysAgo() != null) {
            Instant when = at(today.minusDays(a.hqAgreedDaysAgo()));
            actions.agree(a.hq().executive() && executiveCaller != null ? executiveCaller : consultant, action.id(), Side.HQ, when);
            agreed = when;
        }
        if (a.japanAgreedDaysAgo() != null) {
            Instant when = at(today.minusDays(a.japanAgreedDaysAgo()));
            actions.agree(consultant, action.id(), Side.JAPAN, when);
            agreed = agreed == null || when.isAfter(agreed) ? when : agreed;
        }
        if (a.hqAgreedDaysAgo() != null && a.japanAgreedDaysAgo() != null) {
            notices.put("AGREED", agreed);
        }
        if (a.startedDaysAgo() != null) {
            actions.start(consultant, action.id(), today.minusDays(a.startedDaysAgo()));
        }
        if (a.doneDaysAgo() != null) {
            actions.done(consultant, action.id(), today.minusDays(a.doneDaysAgo()));
            notices.put("DONE", at(today.minusDays(a.doneDaysAgo())));
        }
        if (a.droppedDaysAgo() != null) {
            actions.drop(consultant, action.id(), a.dropReason(), today.minusDays(a.droppedDaysAgo()));
        }
        if (actions.get(action.id()).overdue()) {
            // In this transaction, so the hourly overdue task never sees it late without its notice.
            actions.noticeOverdue();
            notices.put("OVERDUE", at(today.minusDays(a.dueDaysAgo()).plusDays(1)));
        }
        delivery.recordActionNoticesAsSent(action.id(), notices);
    }

    private static OwnerDetails owner(DemoStory.Owner owner, Side side, UserView executive, String domain) {
        if (owner.executive() && executive != null) {
            return OwnerDetails.user(executive.id());
        }
        String host = (side == Side.JAPAN ? "jp." : "") + domain + ".example";
        return OwnerDetails.named(owner.name(), owner.localPart() + "@" + host, owner.language());
    }

    /** Office hours in Tokyo and the morning in Europe: when such a step is taken. */
    private static Instant at(LocalDate day) {
        return day.atTime(8, 30).toInstant(ZoneOffset.UTC);
    }

    /**
     * The first 24 of Japan and 20 of HQ are the same people in every demo tenant (actions name some of
     * them); a larger side goes round the family names again with other given names.
     */
    private void addParticipants(Caller system, String domain, DemoStory.Staff staff) {
        Level[] levels = {Level.EXECUTIVE, Level.MIDDLE_MANAGER, Level.MIDDLE_MANAGER, Level.STAFF, Level.STAFF, Level.STAFF};
        for (int i = 0; i < staff.japan(); i++) {
            int family = i % JAPANESE_FAMILY.length;
            String name = JAPANESE_FAMILY[family] + " " + JAPANESE_GIVEN[(i + 5 * (i / JAPANESE_FAMILY.length)) % JAPANESE_GIVEN.length];
            String email = ROMAJI_FAMILY[family] + "." + (i + 1) + "@jp." + domain + ".example";
            participants.create(system, new ParticipantDetails(email, name, Side.JAPAN, levels[i % levels.length],
                    i % 5 == 4 ? "en" : "ja", null, i % 2 == 0 ? "営業本部" : "事業企画部"));
        }
        for (int i = 0; i < staff.hq(); i++) {
            int n = WESTERN_GIVEN.length;
            String given = WESTERN_GIVEN[i % n];
            String name = given + " " + WESTERN_FAMILY[(i + 7 * (i / n)) % n];
            String email = given.toLowerCase() + "." + (i + 1) + "@" + domain + ".example";
            participants.create(system, new ParticipantDetails(email, name, Side.HQ, levels[i % levels.length],
                    "en", null, i % 2 == 0 ? "Global Strategy" : "APAC Operations"));
        }
        for (int i = 0; i < 4; i++) {
            participants.create(system, new ParticipantDetails("apac.lead" + (i + 1) + "@sg." + domain + ".example",
                    "APAC Lead " + (i + 1), Side.REGIONAL, i == 0 ? Level.EXECUTIVE : Level.MIDDLE_MANAGER, "en",
                    "Asia/Singapore", "APAC Regional Office"));
        }
    }
}
