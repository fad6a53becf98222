package com.kakehashi.alert;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.wave.WaveClosed;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Raises alerts when a wave closes. Runs just before the closing transaction commits, so the
 * insight listener has already rebuilt the wave's rollups from raw responses, and the alerts and
 * their mails commit with the close (or not at all). A failure here rolls back to a savepoint and
 * is logged: closing a wave never fails because of an alert. The wave's {@code alerts_evaluated_at}
 * commits with the alerts; {@link AlertReevaluation} finds closed waves without it and runs the rules again.
 */
@Singleton
public class AlertEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluation.class);

    private final AlertStore store;
    private final InsightService insight;
    private final EngagementService engagements;
    private final UserService users;
    private final AuditLog audit;

    AlertEvaluation(AlertStore store, InsightService insight, EngagementService engagements, UserService users,
                    AuditLog audit) {
        this.store = store;
        this.insight = insight;
        this.engagements = engagements;
        this.users = users;
        this.audit = audit;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void onWaveClosed(WaveClosed event) {
        try {
            TenantContext.runAs(event.tenantId(), () -> evaluate(event.waveId()));
        } catch (RuntimeException e) {
            LOG.error("Alert evaluation failed for wave {}", event.waveId(), e);
        }
    }

    /**
     * Evaluates the rules for one closed wave of the tenant in context against the waves of its
     * engagement up to it. Idempotent: an alert exists at most once per (wave, rule, sign, side),
     * and only a newly raised alert queues mail.
     *
     * @return the ids of alerts raised by this call
     */
    @Transactional(propagation = TransactionDefinition.Propagation.NESTED)
    public List<UUID> evaluate(UUID waveId) {
        Optional<UUID> engagementId = store.engagementOfWave(waveId);
        if (engagementId.isEmpty()) {
            return List.of();
        }
        AlertSettings settings = store.settings().orElse(AlertSettings.DEFAULTS);
        // The rules look back at most this many closed waves; computing the engagement's whole history
        // at every close made a long history quadratic (the demo's two years took minutes).
        int window = Math.max(2, Math.max(settings.worseningWaves(), settings.gapWaves()) + 1);
        java.time.LocalDate from = store.windowStart(engagementId.get(), waveId, window).orElse(null);
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
            if ("CLOSED".equals(wave.status())) {
                closed.add(wave);
            }
        }
        if (closed.isEmpty() || !closed.getLast().waveId().equals(waveId)) {
            return List.of();
        }
        List<UUID> raised = new ArrayList<>();
        List<UserView> consultants = null;
        for (AlertRules.Finding finding : AlertRules.evaluate(settings, closed)) {
            Optional<UUID> id = store.insert(engagementId.get(), waveId, finding);
            if (id.isEmpty()) {
                continue;
            }
            raised.add(id.get());
            audit.record(null, "alert.raised", "alert", id.get());
            if (consultants == null) {
                consultants = users.findAll(engagements.get(engagementId.get()).consultantIds()).stream()
                        .filter(UserView::active).toList();
            }
            for (UserView consultant : consultants) {
                store.queueMail(id.get(), consultant.id(), consultant.email());
            }
        }
        if (!raised.isEmpty()) {
            LOG.info("Wave {} raised {} alerts", waveId, raised.size());
        }
        return raised;
    }
}
