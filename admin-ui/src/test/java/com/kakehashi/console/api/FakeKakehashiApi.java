package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory backend for presenter tests: it keeps what presenters send, answers like the real API would,
 * and can be told to refuse the next call with a problem.
 */
public class FakeKakehashiApi implements KakehashiApi {

    public final CurrentUser me;
    public final Map<UUID, Tenant> tenants = new LinkedHashMap<>();
    public final Map<UUID, RetentionSettings> retention = new HashMap<>();
    public final List<User> users = new ArrayList<>();
    public final Map<UUID, List<Member>> members = new HashMap<>();
    public final Map<UUID, Participant> participants = new LinkedHashMap<>();
    public final Map<UUID, Engagement> engagements = new LinkedHashMap<>();
    /** Recorded events per engagement; the derived start is added on reading, as the backend does. */
    public final Map<UUID, List<TimelineRecords.Event>> events = new HashMap<>();
    public final Map<UUID, Schedule> schedules = new LinkedHashMap<>();
    public final Map<UUID, Wave> waves = new LinkedHashMap<>();
    public final List<OutboxEntry> outbox = new ArrayList<>();
    public final List<InstrumentVersionChoice> publishedVersions = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public ParticipantFilter lastFilter;
    public int lastPage = -1;
    public byte[] lastImport;
    public ImportReport importReport = new ImportReport(0, 0, 0, 0, List.of());
    public long participantTotal = -1;
    private ApiProblem nextProblem;

    public FakeKakehashiApi(CurrentUser me) {
        this.me = me;
    }

    /** The next call fails with this problem, as the backend would answer it. */
    public FakeKakehashiApi refuseNext(ApiProblem problem) {
        this.nextProblem = problem;
        return this;
    }

    private void record(String call) {
        calls.add(call);
        if (nextProblem != null) {
            var problem = nextProblem;
            nextProblem = null;
            throw new ProblemException(problem);
        }
    }

    @Override
    public CurrentUser me() {
        record("me");
        return me;
    }

    @Override
    public List<Tenant> tenants() {
        record("tenants");
        return List.copyOf(tenants.values());
    }

    @Override
    public RetentionSettings retention(UUID tenantId) {
        record("retention " + tenantId);
        tenant(tenantId);
        return retention.getOrDefault(tenantId, new RetentionSettings(30, 24, 730));
    }

    @Override
    public RetentionSettings updateRetention(UUID tenantId, RetentionSettings settings) {
        record("updateRetention " + tenantId + " " + settings);
        tenant(tenantId);
        if (settings.auditDays() < 90) {
            throw new ProblemException(new ApiProblem(null, "Bad Request", 400, "The request has invalid fields.",
                    List.of(new ApiProblem.FieldError("update.body.auditRetentionDays", "must be greater than or equal to 90"))));
        }
        retention.put(tenantId, settings);
        return settings;
    }

    @Override
    public java.nio.file.Path exportTenant(UUID tenantId) {
        record("exportTenant " + tenantId);
        tenant(tenantId);
        try {
            var file = java.nio.file.Files.createTempFile("export", ".zip");
            java.nio.file.Files.writeString(file, "zip of " + tenants.get(tenantId).name());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void offboardTenant(UUID tenantId, String confirmName) {
        record("offboardTenant " + tenantId + " " + confirmName);
        if (!tenant(tenantId).name().equals(confirmName)) {
            throw new ProblemException(new ApiProblem(null, "Bad Request", 400, "confirm must be the tenant's name", null));
        }
        tenants.remove(tenantId);
    }

    @Override
    public Tenant tenant(UUID tenantId) {
        record("tenant " + tenantId);
        var tenant = tenants.get(tenantId);
        if (tenant == null) {
            throw new ProblemException(ApiProblem.of(404, "Not Found"));
        }
        return tenant;
    }

    @Override
    public Tenant createTenant(TenantDraft d) {
        record("createTenant " + d.name());
        var tenant = new Tenant(UUID.randomUUID(), d.name(), d.hqCountry(), d.hqTimeZone(), d.japanSubsidiaryName(),
                d.anonymityThreshold() == null ? 5 : d.anonymityThreshold(),
                d.commentThreshold() == null ? 10 : d.commentThreshold(), OffsetDateTime.now());
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    @Override
    public List<User> users() {
        record("users");
        return List.copyOf(users);
    }

    @Override
    public User createUser(UserDraft d) {
        record("createUser " + d.email() + " " + d.role() + " tenant=" + d.tenantId());
        var user = new User(UUID.randomUUID(), d.email(), d.displayName(), d.role(),
                d.tenantId() == null ? List.of() : List.of(d.tenantId()));
        users.add(user);
        return user;
    }

    @Override
    public List<Member> members(UUID tenantId) {
        record("members " + tenantId);
        return List.copyOf(members.getOrDefault(tenantId, List.of()));
    }

    @Override
    public void assignMember(UUID tenantId, UUID userId) {
        record("assign " + userId);
        var user = users.stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        members.computeIfAbsent(tenantId, t -> new ArrayList<>())
                .add(new Member(user.id(), user.email(), user.displayName(), user.role()));
    }

    @Override
    public void unassignMember(UUID tenantId, UUID userId) {
        record("unassign " + userId);
        members.getOrDefault(tenantId, new ArrayList<>()).removeIf(m -> m.userId().equals(userId));
    }

    @Override
    public Member setParticipantAdmin(UUID tenantId, UUID userId, boolean granted) {
        record("setParticipantAdmin " + userId + " " + granted);
        var list = members.getOrDefault(tenantId, new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            var m = list.get(i);
            if (m.userId().equals(userId)) {
                var changed = new Member(m.userId(), m.email(), m.displayName(), m.role(), granted);
                list.set(i, changed);
                return changed;
            }
        }
        throw new ProblemException(ApiProblem.of(404, "Not Found"));
    }

    @Override
    public PageResult<Participant> participants(UUID tenantId, ParticipantFilter filter, int page, int size) {
        record("participants page=" + page);
        lastFilter = filter;
        lastPage = page;
        var all = List.copyOf(participants.values());
        var from = Math.min(all.size(), page * size);
        var to = Math.min(all.size(), from + size);
        return new PageResult<>(all.subList(from, to), page, size, participantTotal >= 0 ? participantTotal : all.size());
    }

    @Override
    public Participant createParticipant(UUID tenantId, ParticipantDraft d) {
        record("createParticipant " + d.email());
        var p = new Participant(UUID.randomUUID(), d.email(), d.displayName(), d.side(), d.level(), d.language(),
                d.timeZone(), d.department(), true, OffsetDateTime.now(), OffsetDateTime.now());
        participants.put(p.id(), p);
        return p;
    }

    @Override
    public Participant updateParticipant(UUID tenantId, UUID participantId, ParticipantDraft d) {
        record("updateParticipant " + participantId);
        var old = participants.get(participantId);
        var p = new Participant(participantId, d.email(), d.displayName(), d.side(), d.level(), d.language(),
                d.timeZone(), d.department(), old.active(), old.createdAt(), OffsetDateTime.now());
        participants.put(p.id(), p);
        return p;
    }

    @Override
    public void deactivateParticipant(UUID tenantId, UUID participantId) {
        record("deactivate " + participantId);
        var old = participants.get(participantId);
        participants.put(participantId, new Participant(old.id(), old.email(), old.displayName(), old.side(),
                old.level(), old.language(), old.timeZone(), old.department(), false, old.createdAt(), old.updatedAt()));
    }

    @Override
    public void eraseParticipant(UUID tenantId, UUID participantId) {
        record("erase " + participantId);
        participants.remove(participantId);
    }

    @Override
    public ImportReport importParticipants(UUID tenantId, byte[] csv) {
        record("import");
        lastImport = csv;
        return importReport;
    }

    @Override
    public List<Engagement> engagements(UUID tenantId) {
        record("engagements");
        return List.copyOf(engagements.values());
    }

    @Override
    public Engagement createEngagement(UUID tenantId, EngagementDraft d) {
        record("createEngagement " + d.name());
        var e = new Engagement(UUID.randomUUID(), d.name(), d.goals(), d.startDate(), d.endDate(), d.status(),
                d.consultantIds());
        engagements.put(e.id(), e);
        return e;
    }

    @Override
    public Engagement updateEngagement(UUID tenantId, UUID engagementId, EngagementDraft d) {
        record("updateEngagement " + engagementId);
        var e = new Engagement(engagementId, d.name(), d.goals(), d.startDate(), d.endDate(), d.status(),
                d.consultantIds());
        engagements.put(e.id(), e);
        return e;
    }

    @Override
    public void deleteEngagement(UUID tenantId, UUID engagementId) {
        record("deleteEngagement " + engagementId);
        engagements.remove(engagementId);
    }

    @Override
    public List<TimelineRecords.Event> events(UUID tenantId, UUID engagementId) {
        record("events " + engagementId);
        var all = new ArrayList<>(events.getOrDefault(engagementId, List.of()));
        var engagement = engagements.get(engagementId);
        if (engagement != null && engagement.startDate() != null) {
            all.add(new TimelineRecords.Event(null, engagementId, engagement.startDate(), TimelineRecords.Kind.ENGAGEMENT_START,
                    "Engagement starts", "プロジェクト開始", true));
        }
        all.sort(java.util.Comparator.comparing(TimelineRecords.Event::occurredOn));
        return all;
    }

    @Override
    public TimelineRecords.Event createEvent(UUID tenantId, UUID engagementId, TimelineRecords.Draft draft) {
        record("createEvent " + draft.kind());
        var event = new TimelineRecords.Event(UUID.randomUUID(), engagementId, draft.occurredOn(), draft.kind(),
                draft.labelEn(), draft.labelJa(), false);
        events.computeIfAbsent(engagementId, k -> new ArrayList<>()).add(event);
        return event;
    }

    @Override
    public void deleteEvent(UUID tenantId, UUID engagementId, UUID eventId) {
        record("deleteEvent " + eventId);
        events.getOrDefault(engagementId, new ArrayList<>()).removeIf(e -> eventId.equals(e.id()));
    }

    @Override
    public PageResult<AuditEntry> audit(UUID tenantId, int page, int size) {
        record("audit page=" + page);
        return new PageResult<>(List.of(), page, size, 0);
    }

    @Override
    public List<Schedule> schedules(UUID tenantId) {
        record("schedules");
        return List.copyOf(schedules.values());
    }

    @Override
    public Schedule createSchedule(UUID tenantId, ScheduleDraft d) {
        record("createSchedule " + d.name());
        var s = schedule(UUID.randomUUID(), d, false);
        schedules.put(s.id(), s);
        return s;
    }

    @Override
    public Schedule updateSchedule(UUID tenantId, UUID scheduleId, ScheduleDraft d) {
        record("updateSchedule " + scheduleId);
        var s = schedule(scheduleId, d, schedules.get(scheduleId).paused());
        schedules.put(s.id(), s);
        return s;
    }

    @Override
    public void deleteSchedule(UUID tenantId, UUID scheduleId) {
        record("deleteSchedule " + scheduleId);
        schedules.remove(scheduleId);
    }

    @Override
    public Schedule pauseSchedule(UUID tenantId, UUID scheduleId) {
        record("pauseSchedule " + scheduleId);
        var s = schedule(scheduleId, schedules.get(scheduleId).toDraft(), true);
        schedules.put(s.id(), s);
        return s;
    }

    @Override
    public Schedule resumeSchedule(UUID tenantId, UUID scheduleId) {
        record("resumeSchedule " + scheduleId);
        var s = schedule(scheduleId, schedules.get(scheduleId).toDraft(), false);
        schedules.put(s.id(), s);
        return s;
    }

    public static Schedule schedule(UUID id, ScheduleDraft d, boolean paused) {
        return new Schedule(id, d.name(), d.surveyTitleEn(), d.surveyTitleJa(), d.engagementId(), d.instrumentVersionId(), d.audienceSides(),
                d.audienceLevels(), d.cadence(), d.japanSendTime(), d.hqSendTime(), "Europe/Berlin",
                d.daysOpen() == null ? 7 : d.daysOpen(), d.reminderOffsetDays(), d.startDate(), d.endDate(), paused,
                paused ? null : OffsetDateTime.now().plusDays(1));
    }

    @Override
    public List<InstrumentVersionChoice> publishedInstrumentVersions(UUID tenantId) {
        record("publishedInstrumentVersions");
        return List.copyOf(publishedVersions);
    }

    /** Items per version id, for the questionnaire tab. */
    public final java.util.Map<UUID, List<QuestionnaireItem>> items = new java.util.HashMap<>();

    @Override
    public List<QuestionnaireItem> instrumentItems(UUID tenantId, InstrumentVersionChoice version) {
        record("instrumentItems " + version.versionId());
        return items.getOrDefault(version.versionId(), List.of());
    }

    @Override
    public Wave launchWave(UUID tenantId, UUID scheduleId) {
        return launchWave(tenantId, scheduleId, null);
    }

    /** Counts active participants per side (every schedule asks everyone here), like the backend's preview. */
    @Override
    public LaunchPreview launchPreview(UUID tenantId, UUID scheduleId) {
        record("launchPreview " + scheduleId);
        var bySide = new java.util.EnumMap<Side, Long>(Side.class);
        participants.values().stream().filter(Participant::active).forEach(p -> bySide.merge(p.side(), 1L, Long::sum));
        var open = openWave(scheduleId).map(w -> new LaunchPreview.OpenWave(w.id(), w.closesAt())).orElse(null);
        return new LaunchPreview(bySide.values().stream().mapToLong(Long::longValue).sum(), bySide, open);
    }

    /** Refuses a second open wave without a reason with the backend's 409. */
    @Override
    public Wave launchWave(UUID tenantId, UUID scheduleId, String reason) {
        record("launchWave " + scheduleId + (reason == null ? "" : " reason=" + reason));
        var open = openWave(scheduleId);
        if (open.isPresent() && (reason == null || reason.isBlank())) {
            throw new ProblemException(new ApiProblem("https://kakehashi.example/problems/conflict", "Conflict", 409,
                    "Wave " + open.get().id() + " of this schedule is open until " + open.get().closesAt()
                            + "; give a reason to open a second one beside it.",
                    List.of(new ApiProblem.FieldError("reason", "give a reason"))));
        }
        var now = OffsetDateTime.now();
        var w = new Wave(UUID.randomUUID(), scheduleId, now.toLocalDate(), WaveKind.MANUAL, WaveStatus.OPEN, now,
                now.plusDays(7), 0, 0, 0, Map.of());
        waves.put(w.id(), w);
        return w;
    }

    private java.util.Optional<Wave> openWave(UUID scheduleId) {
        return waves.values().stream().filter(w -> w.scheduleId().equals(scheduleId) && w.isOpen()).findFirst();
    }

    @Override
    public List<Wave> waves(UUID tenantId) {
        record("waves");
        return List.copyOf(waves.values());
    }

    @Override
    public Wave closeWave(UUID tenantId, UUID waveId) {
        record("closeWave " + waveId);
        var o = waves.get(waveId);
        var w = new Wave(o.id(), o.scheduleId(), o.occurrenceDate(), o.kind(), WaveStatus.CLOSED, o.opensAt(),
                o.closesAt(), o.invited(), o.responded(), o.responseRate(), o.sideRates());
        waves.put(w.id(), w);
        return w;
    }

    @Override
    public List<OutboxEntry> outbox(UUID tenantId, String status) {
        record("outbox status=" + status);
        return outbox.stream().filter(o -> status == null || status.equals(o.status())).toList();
    }

    public final List<ObjectiveRecords.InitiativeRow> initiatives = new ArrayList<>();
    public final List<ObjectiveRecords.DecisionRow> decisions = new ArrayList<>();
    public final List<ObjectiveRecords.InitiativeDraft> initiativeDrafts = new ArrayList<>();
    public final List<ObjectiveRecords.DecisionDraft> decisionDrafts = new ArrayList<>();
    private static final ObjectiveRecords.CycleInterval NONE = new ObjectiveRecords.CycleInterval(0, false, null, null, null);
    /** What {@link #decisionCycleTimes} answers; by default no decisions at all. */
    public ObjectiveRecords.CycleTimes cycleTimes = new ObjectiveRecords.CycleTimes(5,
            new ObjectiveRecords.CycleGroup(0, NONE, NONE, NONE), new ObjectiveRecords.CycleGroup(0, NONE, NONE, NONE));

    @Override
    public List<ObjectiveRecords.InitiativeRow> initiatives(UUID tenantId) {
        record("initiatives");
        return List.copyOf(initiatives);
    }

    @Override
    public ObjectiveRecords.InitiativeRow createInitiative(UUID tenantId, ObjectiveRecords.InitiativeDraft draft) {
        record("createInitiative");
        initiativeDrafts.add(draft);
        var row = new ObjectiveRecords.InitiativeRow(UUID.randomUUID(), draft.engagementId(), draft.title(),
                draft.announcedOn(), draft.milestones().size(), null);
        initiatives.add(row);
        return row;
    }

    @Override
    public void deleteInitiative(UUID tenantId, UUID initiativeId) {
        record("deleteInitiative " + initiativeId);
        initiatives.removeIf(i -> i.id().equals(initiativeId));
    }

    @Override
    public List<ObjectiveRecords.DecisionRow> decisions(UUID tenantId) {
        record("decisions");
        return List.copyOf(decisions);
    }

    @Override
    public ObjectiveRecords.DecisionRow createDecision(UUID tenantId, ObjectiveRecords.DecisionDraft draft) {
        record("createDecision");
        decisionDrafts.add(draft);
        var row = new ObjectiveRecords.DecisionRow(UUID.randomUUID(), draft.engagementId(), draft.title(),
                draft.proposedOn(), draft.approvedOn(), draft.japanConsulted(), draft.consultedOn(),
                draft.executionStartedOn());
        decisions.add(row);
        return row;
    }

    @Override
    public void deleteDecision(UUID tenantId, UUID decisionId) {
        record("deleteDecision " + decisionId);
        decisions.removeIf(d -> d.id().equals(decisionId));
    }

    @Override
    public ObjectiveRecords.CycleTimes decisionCycleTimes(UUID tenantId, UUID engagementId) {
        record("decisionCycleTimes");
        return cycleTimes;
    }

    @Override
    public ObjectiveRecords.Summary objectiveSignals(UUID tenantId) {
        record("objectiveSignals");
        return new ObjectiveRecords.Summary(0, null, null, 0, 0, null);
    }

    /** Insight trends per tenant, as the backend scopes them: a tenant never sees another's. */
    public final Map<UUID, InsightRecords.Trends> trends = new LinkedHashMap<>();
    /** Every filter the trends endpoint was asked with, in order. */
    public final List<InsightRecords.TrendFilter> trendFilters = new ArrayList<>();
    public final Map<UUID, InsightRecords.WaveInsight> waveInsights = new LinkedHashMap<>();
    public final Map<UUID, AlertRecords.Alert> alerts = new LinkedHashMap<>();

    @Override
    public InsightRecords.Trends insightTrends(UUID tenantId, InsightRecords.TrendFilter filter) {
        record("insightTrends " + tenantId);
        trendFilters.add(filter);
        return trends.getOrDefault(tenantId, new InsightRecords.Trends(5, List.of()));
    }

    /** Portfolio summaries per tenant; like the backend, only tenants this fake holds (the user's) are listed. */
    public final Map<UUID, PortfolioRecords.TenantSummary> portfolio = new LinkedHashMap<>();

    @Override
    public List<PortfolioRecords.TenantSummary> portfolio() {
        record("portfolio");
        return portfolio.values().stream().filter(s -> tenants.containsKey(s.tenantId())).toList();
    }

    /** Key drivers per tenant; absent: every side refused for too few respondents. */
    public final Map<UUID, InsightRecords.Drivers> drivers = new LinkedHashMap<>();

    @Override
    public InsightRecords.Drivers insightDrivers(UUID tenantId, UUID engagementId, java.time.LocalDate from,
                                                 java.time.LocalDate to) {
        record("insightDrivers " + tenantId);
        return drivers.getOrDefault(tenantId, new InsightRecords.Drivers(5, 30, List.of(
                new InsightRecords.SideDrivers(Side.HQ, 0, null, null, null, List.of(), "BELOW_MINIMUM_N", "too few"),
                new InsightRecords.SideDrivers(Side.JAPAN, 0, null, null, null, List.of(), "BELOW_MINIMUM_N", "too few"))));
    }

    /** Comment themes per wave; absent: every side below the comment threshold. */
    public final Map<UUID, InsightRecords.WaveThemes> waveThemes = new LinkedHashMap<>();

    @Override
    public InsightRecords.WaveThemes waveThemes(UUID tenantId, UUID waveId) {
        record("waveThemes " + waveId);
        return waveThemes.getOrDefault(waveId, new InsightRecords.WaveThemes(waveId, 10, 3, List.of(
                new InsightRecords.SideThemes(Side.HQ, null, List.of(), "BELOW_COMMENT_THRESHOLD"),
                new InsightRecords.SideThemes(Side.JAPAN, null, List.of(), "BELOW_COMMENT_THRESHOLD"))));
    }

    @Override
    public InsightRecords.WaveInsight waveInsight(UUID tenantId, UUID waveId) {
        record("waveInsight " + waveId);
        var insight = waveInsights.get(waveId);
        if (insight == null) {
            throw new ProblemException(ApiProblem.of(404, "Not Found"));
        }
        return insight;
    }

    @Override
    public List<AlertRecords.Alert> alerts(UUID tenantId) {
        record("alerts " + tenantId);
        return List.copyOf(alerts.values());
    }

    @Override
    public AlertRecords.Alert acknowledgeAlert(UUID tenantId, UUID alertId) {
        record("acknowledgeAlert " + alertId);
        return alerts.compute(alertId, (id, a) -> withStatus(a, AlertRecords.Status.ACKNOWLEDGED, a.notes()));
    }

    @Override
    public AlertRecords.Alert resolveAlert(UUID tenantId, UUID alertId) {
        record("resolveAlert " + alertId);
        return alerts.compute(alertId, (id, a) -> withStatus(a, AlertRecords.Status.RESOLVED, a.notes()));
    }

    @Override
    public AlertRecords.Alert annotateAlert(UUID tenantId, UUID alertId, String text) {
        record("annotateAlert " + alertId + " " + text);
        return alerts.compute(alertId, (id, a) -> {
            var notes = new ArrayList<>(a.notes());
            notes.add(new AlertRecords.Note(me.displayName(), text, OffsetDateTime.now()));
            return withStatus(a, a.status(), notes);
        });
    }

    public AlertRecords.Settings alertSettings = AlertRecords.Settings.DEFAULTS;

    @Override
    public AlertRecords.Settings alertSettings(UUID tenantId) {
        record("alertSettings " + tenantId);
        return alertSettings;
    }

    @Override
    public AlertRecords.Settings updateAlertSettings(UUID tenantId, AlertRecords.Settings settings) {
        record("updateAlertSettings " + tenantId);
        alertSettings = settings;
        return settings;
    }

    private static AlertRecords.Alert withStatus(AlertRecords.Alert a, AlertRecords.Status status, List<AlertRecords.Note> notes) {
        return a.with(status, notes);
    }

    // ---- register: kept as the backend would answer, without its rules beyond version numbers ----

    public final List<RegisterRecords.Item> registerItems = new ArrayList<>();
    public RegisterRecords.Health registerHealth = new RegisterRecords.Health(0, 0, 0, 0, null, 0, null, null);

    @Override
    public List<RegisterRecords.Item> registerItems(UUID tenantId) {
        record("registerItems " + tenantId);
        return List.copyOf(registerItems);
    }

    @Override
    public RegisterRecords.Health registerHealth(UUID tenantId) {
        record("registerHealth " + tenantId);
        return registerHealth;
    }

    @Override
    public RegisterRecords.Item createRegisterItem(UUID tenantId, RegisterRecords.ItemDraft draft) {
        record("createRegisterItem " + draft.title() + " " + draft.classification());
        var version = new RegisterRecords.Version(1, draft.classification(), draft.rationale(), me.displayName(),
                java.time.Instant.now(), null, null, false, List.of());
        var item = new RegisterRecords.Item(UUID.randomUUID(), draft.title(), draft.area(), draft.signs(),
                RegisterRecords.State.PENDING, version, null, null, null, List.of(version));
        registerItems.add(item);
        return item;
    }

    @Override
    public RegisterRecords.Item proposeRegisterVersion(UUID tenantId, UUID itemId, RegisterRecords.VersionDraft draft) {
        record("proposeRegisterVersion " + itemId + " " + draft.classification() + " basedOn " + draft.basedOn());
        return registerItems.stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    @Override
    public RegisterRecords.Item recordRegisterWord(UUID tenantId, UUID itemId, RegisterRecords.WordDraft draft) {
        record("recordRegisterWord " + itemId + " " + draft.side() + " " + draft.decision() + " v" + draft.version()
                + " " + draft.comment() + " " + draft.approverName());
        return registerItems.stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    @Override
    public void deleteRegisterItem(UUID tenantId, UUID itemId) {
        record("deleteRegisterItem " + itemId);
        registerItems.removeIf(i -> i.id().equals(itemId));
    }

    /** Actions of the tenant in insertion order; comments and effects per action. */
    public final Map<UUID, ActionRecords.Action> actions = new LinkedHashMap<>();
    public final Map<UUID, List<ActionRecords.Comment>> actionComments = new HashMap<>();
    public final Map<UUID, ActionRecords.Effect> actionEffects = new HashMap<>();
    public final List<ActionRecords.Draft> actionDrafts = new ArrayList<>();

    @Override
    public List<ActionRecords.Action> actions(UUID tenantId) {
        record("actions " + tenantId);
        return List.copyOf(actions.values());
    }

    @Override
    public ActionRecords.Action createAction(UUID tenantId, ActionRecords.Draft d) {
        record("createAction " + d.title());
        actionDrafts.add(d);
        var created = new ActionRecords.Action(UUID.randomUUID(), d.engagementId(), d.alertId(), d.title(), d.description(),
                d.language(), d.signs(), d.startOn(), d.dueOn(), ActionRecords.Status.PROPOSED, false, null, null, null, null,
                owner(Side.HQ, d.hqOwner()), owner(Side.JAPAN, d.japanOwner()), me.id(), OffsetDateTime.now(), OffsetDateTime.now());
        actions.put(created.id(), created);
        if (d.alertId() != null && alerts.containsKey(d.alertId())
                && alerts.get(d.alertId()).status() == AlertRecords.Status.OPEN) {
            alerts.compute(d.alertId(), (id, a) -> withStatus(a, AlertRecords.Status.ACKNOWLEDGED, a.notes()));
        }
        return created;
    }

    private static ActionRecords.Owner owner(Side side, ActionRecords.OwnerDraft o) {
        return new ActionRecords.Owner(side, o.userId(), o.name() == null ? "user " + o.userId() : o.name(), o.email(),
                o.language(), null, null, false);
    }

    @Override
    public ActionRecords.Update updateAction(UUID tenantId, UUID actionId, ActionRecords.Draft d) {
        record("updateAction " + actionId + " " + d.title());
        actionDrafts.add(d);
        var a = actions.get(actionId);
        var updated = new ActionRecords.Action(a.id(), a.engagementId(), a.alertId(), d.title(), d.description(), d.language(),
                d.signs(), d.startOn(), d.dueOn(), a.status(), a.overdue(), a.dropReason(), a.startedOn(), a.doneOn(),
                a.droppedOn(), a.hqOwner(), a.japanOwner(), a.createdBy(), a.createdAt(), OffsetDateTime.now());
        actions.put(actionId, updated);
        return new ActionRecords.Update(updated, false, null);
    }

    @Override
    public ActionRecords.Action agreeToAction(UUID tenantId, UUID actionId, Side side) {
        record("agreeToAction " + actionId + " " + side);
        var a = actions.get(actionId);
        var o = a.owner(side);
        var agreed = new ActionRecords.Owner(side, o.userId(), o.name(), o.email(), o.language(), OffsetDateTime.now(),
                me.id(), !me.id().equals(o.userId()));
        var hq = side == Side.HQ ? agreed : a.hqOwner();
        var japan = side == Side.JAPAN ? agreed : a.japanOwner();
        return put(a, hq.agreed() && japan.agreed() ? ActionRecords.Status.AGREED : a.status(), hq, japan, null);
    }

    @Override
    public ActionRecords.Action startAction(UUID tenantId, UUID actionId) {
        record("startAction " + actionId);
        var a = actions.get(actionId);
        return put(a, ActionRecords.Status.IN_PROGRESS, a.hqOwner(), a.japanOwner(), null);
    }

    @Override
    public ActionRecords.Action completeAction(UUID tenantId, UUID actionId) {
        record("completeAction " + actionId);
        var a = actions.get(actionId);
        return put(a, ActionRecords.Status.DONE, a.hqOwner(), a.japanOwner(), null);
    }

    @Override
    public ActionRecords.Action dropAction(UUID tenantId, UUID actionId, String reason) {
        record("dropAction " + actionId + " " + reason);
        var a = actions.get(actionId);
        return put(a, ActionRecords.Status.DROPPED, a.hqOwner(), a.japanOwner(), reason);
    }

    private ActionRecords.Action put(ActionRecords.Action a, ActionRecords.Status status, ActionRecords.Owner hq,
                                     ActionRecords.Owner japan, String reason) {
        var changed = new ActionRecords.Action(a.id(), a.engagementId(), a.alertId(), a.title(), a.description(), a.language(),
                a.signs(), a.startOn(), a.dueOn(), status, a.overdue() && status.open(), reason == null ? a.dropReason() : reason,
                a.startedOn(), a.doneOn(), a.droppedOn(), hq, japan, a.createdBy(), a.createdAt(), OffsetDateTime.now());
        actions.put(a.id(), changed);
        return changed;
    }

    @Override
    public List<ActionRecords.Comment> actionComments(UUID tenantId, UUID actionId) {
        record("actionComments " + actionId);
        return List.copyOf(actionComments.getOrDefault(actionId, List.of()));
    }

    @Override
    public ActionRecords.Comment commentOnAction(UUID tenantId, UUID actionId, String text, String language) {
        record("commentOnAction " + actionId + " " + text);
        var comment = new ActionRecords.Comment(UUID.randomUUID(), me.id(), me.email(), text, language, OffsetDateTime.now());
        actionComments.computeIfAbsent(actionId, id -> new ArrayList<>()).add(comment);
        return comment;
    }

    @Override
    public ActionRecords.Effect actionEffect(UUID tenantId, UUID actionId) {
        record("actionEffect " + actionId);
        var effect = actionEffects.get(actionId);
        if (effect == null) {
            throw new ProblemException(ApiProblem.of(404, "Not Found"));
        }
        return effect;
    }
}
