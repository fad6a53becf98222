package com.kakehashi.alert;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.mail.OutboxQueue;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.wave.WaveClosed;
import com.kakehashi.wave.WaveStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Raises alerts when a wave closes. Runs just before the closing transaction commits, so the
 * insight listener has already rebuilt the wave's rollups from raw responses, and the alerts and
 * their mails commit with the close (or not at all). A failure here rolls back to a savepoint and
 * is logged: closing a wave never fails because of an alert. The closed wave is recorded first,
 * outside the savepoint, in alert's own {@code alert_wave}; its {@code evaluated_at} commits with the
 * alerts, and {@link AlertReevaluation} finds recorded waves without it and runs the rules again.
 */
@Singleton
public class AlertEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluation.class);

    private final AlertStore store;
    private final InsightService insight;
    private final EngagementService engagements;
    private final UserService users;
    private final AuditLog audit;
    private final OutboxQueue mails;
    private final AlertMetrics metrics;

    AlertEvaluation(AlertStore store, InsightService insight, EngagementService engagements, UserService users,
                    AuditLog audit, OutboxQueue mails, AlertMetrics metrics) {
        this.store = store;
        this.insight = insight;
        this.engagements = engagements;
        this.users = users;
        this.audit = audit;
        this.mails = mails;
        this.metrics = metrics;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void onWaveClosed(WaveClosed event) {
        TenantContext.runAs(event.tenantId(), () -> store.recordClosed(event));
        try {
            metrics.evaluated("close", TenantContext.callAs(event.tenantId(), () -> evaluate(event.waveId())));
        } catch (RuntimeException e) {
            metrics.failed("close");
            LOG.error("Alert evaluation failed for wave {}", event.waveId(), e);
        }
    }

    /**
     * Evaluates the rules for one closed wave of the tenant in context against the closed waves of
     * its engagement up to it, records every test, and applies the outcomes to the conditions:
     * a firing test opens the key's condition (and mails the consultants) or keeps it open; a clear
     * test counts towards closing it by itself; an untested one changes nothing.
     * <p>
     * Waves are applied in occurrence order. A wave waits (returns nothing, stays unmarked) while an
     * earlier closed wave of the engagement is not evaluated; the catch-up takes them oldest first.
     * A wave that closes after a later one was already applied (two schedules overlapping) has its
     * tests recorded and joins the history of a condition that spans its date, but opens and closes
     * nothing: later waves have already decided those. Idempotent: a wave already applied to a
     * condition is not applied again, and only a newly opened condition queues mail.
     *
     * @return the ids of conditions opened by this call
     */
    @Transactional(propagation = TransactionDefinition.Propagation.NESTED)
    public List<UUID> evaluate(UUID waveId) {
        Optional<UUID> engagementId = store.engagementOfWave(waveId);
        if (engagementId.isEmpty()) {
            return List.of();
        }
        if (store.earlierUnevaluated(engagementId.get(), waveId)) {
            LOG.info("Wave {} waits for the alert evaluation of an earlier wave", waveId);
            return List.of();
        }
        AlertSettings settings = store.settings().orElse(AlertSettings.DEFAULTS);
        // The rules look back at most this many closed waves; computing the engagement's whole history
        // at every close made a long history quadratic (the demo's two years took minutes).
        int window = AlertRules.wavesRead(settings);
        LocalDate from = store.windowStart(engagementId.get(), waveId, window).orElse(null);
        boolean late = store.laterEvaluated(engagementId.get(), waveId);
        // Set first, but commits only with the alerts: a failure below rolls the marker back with them.
        store.markEvaluated(waveId);
        List<WaveInsight> waves = insight.waves(new InsightService.Filter(engagementId.get(), Set.of(), Set.of(), Set.of(),
                from, null));
        List<WaveInsight> closed = new ArrayList<>();
        for (WaveInsight wave : waves) {
            if (wave.waveId().equals(waveId)) {
                closed.add(wave);
                break;
            }
            if (WaveStatus.CLOSED.name().equals(wave.status())) {
                closed.add(wave);
            }
        }
        if (closed.isEmpty() || !closed.getLast().waveId().equals(waveId)) {
            return List.of();
        }
        List<AlertRules.Test> tests = AlertRules.evaluate(settings, closed, late ? Set.of() : store.openKeys(engagementId.get()));
        List<UUID> alertIds = new ArrayList<>();
        List<UUID> opened = new ArrayList<>();
        List<UserView> consultants = null;
        for (AlertRules.Test test : tests) {
            UUID alertId;
            if (late) {
                alertId = store.conditionSpanning(engagementId.get(), test, waveId).orElse(null);
                if (alertId != null) {
                    store.observe(alertId, waveId, test);
                }
            } else if (store.observed(engagementId.get(), test, waveId)) {
                alertId = store.openCondition(engagementId.get(), test).map(AlertStore.Condition::id)
                        .or(() -> store.conditionSpanning(engagementId.get(), test, waveId)).orElse(null);
            } else {
                Optional<AlertStore.Condition> open = store.openCondition(engagementId.get(), test);
                if (open.isPresent()) {
                    alertId = open.get().id();
                    advance(settings, open.get(), waveId, test);
                } else if (test.fired()) {
                    Optional<UUID> created = store.open(engagementId.get(), waveId, test);
                    if (created.isEmpty()) {
                        alertIds.add(null);
                        continue; // a concurrent evaluation opened it; it applies this wave itself
                    }
                    alertId = created.get();
                    for (AlertRules.WaveValue point : test.points()) {
                        if (!point.waveId().equals(waveId)) {
                            store.observeContext(alertId, point);
                        }
                    }
                    store.observe(alertId, waveId, test);
                    opened.add(alertId);
                    audit.record(null, "alert.raised", "alert", alertId);
                    if (consultants == null) {
                        consultants = users.findAll(engagements.get(engagementId.get()).consultantIds()).stream()
                                .filter(UserView::active).toList();
                    }
                    for (UserView consultant : consultants) {
                        mails.queueAlert(alertId, waveId, consultant.id(), consultant.email());
                    }
                } else {
                    alertId = null;
                }
            }
            alertIds.add(alertId);
        }
        store.replaceEvaluations(waveId, tests, alertIds);
        if (!opened.isEmpty()) {
            LOG.info("Wave {} opened {} alert conditions", waveId, opened.size());
        }
        return opened;
    }

    /** A later wave on an open condition: fired keeps it open; clear counts; untested changes nothing. */
    private void advance(AlertSettings settings, AlertStore.Condition condition, UUID waveId, AlertRules.Test test) {
        store.observe(condition.id(), waveId, test);
        switch (test.outcome()) {
            case FIRED -> store.advance(condition.id(), waveId, test.value(), 0, false);
            case CLEAR -> {
                int clear = condition.clearWaves() + 1;
                boolean resolve = clear >= settings.clearWaves();
                store.advance(condition.id(), waveId, test.value(), clear, resolve);
                if (resolve) {
                    audit.record(null, "alert.auto-resolved", "alert", condition.id());
                }
            }
            case NOT_TESTED -> store.advance(condition.id(), waveId, null, condition.clearWaves(), false);
        }
    }
}
