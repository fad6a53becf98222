package com.kakehashi.alert;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Alert settings and alerts of the tenant in context: read by everyone in the tenant, acted on by staff. */
@Singleton
public class AlertService {

    private final AlertStore store;
    private final AuditLog audit;

    AlertService(AlertStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The tenant's thresholds, or the defaults when it has set none. */
    @Transactional
    public AlertSettings settings() {
        return store.settings().orElse(AlertSettings.DEFAULTS);
    }

    @Transactional
    public AlertSettings updateSettings(Caller caller, AlertSettings settings) {
        store.saveSettings(settings);
        audit.record(caller, "alert-settings.updated", "tenant", TenantContext.require());
        return settings();
    }

    @Transactional
    public List<AlertView> list(@Nullable AlertStatus status) {
        return store.list(status);
    }

    @Transactional
    public AlertView get(UUID id) {
        AlertView alert = store.find(id, false).orElseThrow(() -> new NotFoundException("alert"));
        return alert.withNotes(store.notes(id));
    }

    /** Every test of the alert's condition in the waves since it opened (fired, clear, or not tested and why). */
    @Transactional
    public List<AlertEvaluationView> evaluationsOfAlert(UUID id) {
        store.find(id, false).orElseThrow(() -> new NotFoundException("alert"));
        return store.evaluationsOfAlert(id);
    }

    /** Every test of one closed wave; empty for a wave not (yet) evaluated. */
    @Transactional
    public List<AlertEvaluationView> evaluationsOfWave(UUID waveId) {
        if (store.engagementOfWave(waveId).isEmpty()) {
            throw new NotFoundException("wave");
        }
        return store.evaluationsOfWave(waveId);
    }

    @Transactional
    public AlertView acknowledge(Caller caller, UUID id) {
        AlertView alert = store.find(id, true).orElseThrow(() -> new NotFoundException("alert"));
        if (alert.status() != AlertStatus.OPEN) {
            throw new ConflictException("status", "Only an open alert can be acknowledged.");
        }
        store.acknowledge(id, caller.id());
        audit.record(caller, "alert.acknowledged", "alert", id);
        return get(id);
    }

    @Transactional
    public AlertView resolve(Caller caller, UUID id) {
        AlertView alert = store.find(id, true).orElseThrow(() -> new NotFoundException("alert"));
        if (alert.status() == AlertStatus.RESOLVED) {
            throw new ConflictException("status", "The alert is already resolved.");
        }
        store.resolve(id, caller.id());
        audit.record(caller, "alert.resolved", "alert", id);
        return get(id);
    }

    @Transactional
    public AlertView addNote(Caller caller, UUID id, NewNote note) {
        store.find(id, true).orElseThrow(() -> new NotFoundException("alert"));
        store.addNote(id, caller.id(), caller.email(), note.text().strip());
        audit.record(caller, "alert.annotated", "alert", id);
        return get(id);
    }
}
