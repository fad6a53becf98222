package com.kakehashi.bootstrap;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.NewUser;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.participant.Level;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.participant.Side;
import com.kakehashi.schedule.Cadence;
import com.kakehashi.schedule.ScheduleDetails;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.MembershipService;
import com.kakehashi.tenant.NewTenant;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fills an empty database with the demo: two tenants, so isolation is visible at once, and the four
 * demo logins. Runs only with {@code kakehashi.demo=true} (the demo run), through the same services
 * as the API, and does nothing if any user exists.
 */
@Singleton
@Requires(property = "kakehashi.demo", value = "true")
class DemoSeeder {

    static final String PASSWORD = "kakehashi-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

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

    private final UserService users;
    private final TenantService tenants;
    private final MembershipService memberships;
    private final ParticipantService participants;
    private final EngagementService engagements;
    private final InstrumentService instruments;
    private final ScheduleService schedules;

    DemoSeeder(UserService users, TenantService tenants, MembershipService memberships,
               ParticipantService participants, EngagementService engagements, InstrumentService instruments,
               ScheduleService schedules) {
        this.users = users;
        this.tenants = tenants;
        this.memberships = memberships;
        this.participants = participants;
        this.engagements = engagements;
        this.instruments = instruments;
        this.schedules = schedules;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!users.list().isEmpty()) {
            LOG.info("Demo data: database already has users, nothing seeded");
            return;
        }
        UserView operator = users.create(new NewUser("operator@kakehashi.example", "Olivia Operator", Role.OPERATOR, PASSWORD));
        Caller system = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UserView consultant = users.create(new NewUser("consultant@kakehashi.example", "Kenji Mori", Role.CONSULTANT, PASSWORD));
        TenantView northwind = tenants.create(system, new NewTenant("Northwind Industries", "DE", "Europe/Berlin", "Northwind Japan KK", 5));
        TenantView contoso = tenants.create(system, new NewTenant("Contoso Medical", "US", "America/New_York", "Contoso Japan GK", 5));
        UserView northwindExec = users.create(new NewUser("exec@northwind.example", "Greta Hoffmann", Role.EXECUTIVE, PASSWORD));
        UserView contosoExec = users.create(new NewUser("exec@contoso.example", "Robert Hayes", Role.EXECUTIVE, PASSWORD));
        seedTenant(system, northwind, List.of(consultant, northwindExec), "northwind", "Post-restructuring alignment 2026",
                "Restore Japan's voice in early strategy after the 2025 HQ restructuring.");
        seedTenant(system, contoso, List.of(consultant, contosoExec), "contoso", "Japan market expansion check-in",
                "Keep HQ and Japan aligned on the pace of the 2026 product launch.");
        LOG.info("Demo data seeded: 2 tenants, 4 logins (password {})", PASSWORD);
    }

    private void seedTenant(Caller system, TenantView tenant, List<UserView> members, String domain,
                            String engagementName, String goals) {
        TenantContext.runAs(tenant.id(), () -> {
            members.forEach(m -> memberships.assign(system, m.id()));
            Level[] levels = {Level.EXECUTIVE, Level.MIDDLE_MANAGER, Level.MIDDLE_MANAGER, Level.STAFF, Level.STAFF, Level.STAFF};
            for (int i = 0; i < 24; i++) {
                String name = JAPANESE_FAMILY[i] + " " + JAPANESE_GIVEN[i % JAPANESE_GIVEN.length];
                String email = ROMAJI_FAMILY[i] + "." + (i + 1) + "@jp." + domain + ".example";
                participants.create(system, new ParticipantDetails(email, name, Side.JAPAN, levels[i % levels.length],
                        i % 5 == 4 ? "en" : "ja", null, i % 2 == 0 ? "営業本部" : "事業企画部"));
            }
            for (int i = 0; i < 20; i++) {
                String name = WESTERN_GIVEN[i] + " " + WESTERN_FAMILY[i];
                String email = WESTERN_GIVEN[i].toLowerCase() + "." + (i + 1) + "@" + domain + ".example";
                participants.create(system, new ParticipantDetails(email, name, Side.HQ, levels[i % levels.length],
                        "en", null, i % 2 == 0 ? "Global Strategy" : "APAC Operations"));
            }
            for (int i = 0; i < 4; i++) {
                participants.create(system, new ParticipantDetails("apac.lead" + (i + 1) + "@sg." + domain + ".example",
                        "APAC Lead " + (i + 1), Side.REGIONAL, i == 0 ? Level.EXECUTIVE : Level.MIDDLE_MANAGER, "en",
                        "Asia/Singapore", "APAC Regional Office"));
            }
            UUID engagement = engagements.create(system, new EngagementDetails(engagementName, goals,
                    LocalDate.now().minusMonths(2), LocalDate.now().plusMonths(10), EngagementStatus.ACTIVE,
                    List.of(members.getFirst().id()))).id();
            // A published copy of the default instrument and a fortnightly pulse, so a visitor can
            // launch a wave at once and answer it from the demo mailbox.
            InstrumentView instrument = instruments.create(system, new NewInstrument("HQ–Japan pulse / 本社・日本法人パルス", true));
            UUID version = instrument.versions().getFirst().id();
            instruments.publish(system, instrument.id(), version);
            schedules.create(system, new ScheduleDetails("Fortnightly pulse / 隔週パルス", engagement, version, Set.of(), Set.of(),
                    Cadence.BIWEEKLY, LocalTime.of(10, 0), LocalTime.of(10, 0), 7, List.of(3),
                    LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)), null));
        });
    }
}
