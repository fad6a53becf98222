package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Survey instruments of the tenant in context, and the global default they start from.
 * Rules: a PUBLISHED version never changes; editing means a new DRAFT copied from the latest
 * published version; an instrument has at most one draft; publishing needs at least one item per
 * chosen warning sign and every text of every item's audience in English and Japanese.
 */
@Singleton
public class InstrumentService {

    private final InstrumentRepository instruments;
    private final InstrumentVersionRepository versions;
    private final InstrumentItems items;
    private final DefaultInstrument defaults;
    private final AuditLog audit;
    private final Clock clock;

    InstrumentService(InstrumentRepository instruments, InstrumentVersionRepository versions, InstrumentItems items,
                      DefaultInstrument defaults, AuditLog audit, Clock clock) {
        this.instruments = instruments;
        this.versions = versions;
        this.items = items;
        this.defaults = defaults;
        this.audit = audit;
        this.clock = clock;
    }

    /** Global content: needs no tenant. */
    @Transactional
    public DefaultInstrumentView defaultInstrument() {
        return defaults.latest();
    }

    @Transactional
    public List<InstrumentView> list() {
        Map<UUID, List<InstrumentVersion>> byInstrument = versions.listOrderByVersionNumber().stream()
                .collect(Collectors.groupingBy(InstrumentVersion::instrumentId));
        return instruments.listOrderByCreatedAt().stream()
                .map(i -> InstrumentView.of(i, byInstrument.getOrDefault(i.id(), List.of())))
                .toList();
    }

    @Transactional
    public InstrumentView get(UUID instrumentId) {
        return InstrumentView.of(loadInstrument(instrumentId), versions.findByInstrumentIdOrderByVersionNumber(instrumentId));
    }

    @Transactional
    public InstrumentVersionView version(UUID instrumentId, UUID versionId) {
        InstrumentVersion version = loadVersion(instrumentId, versionId);
        return InstrumentVersionView.of(version, items.of(versionId));
    }

    /** A published version of any instrument of the tenant in context: what schedules and waves send. */
    @Transactional
    public Optional<InstrumentVersionView> publishedVersion(UUID versionId) {
        return versions.findById(versionId)
                .filter(v -> v.status() == VersionStatus.PUBLISHED)
                .map(v -> InstrumentVersionView.of(v, items.of(versionId)));
    }

    /** The scoring keys of every item of the given versions of the tenant in context; unknown ids give none. */
    @Transactional
    public List<ItemKey> itemKeys(Collection<UUID> versionIds) {
        return versionIds.isEmpty() ? List.of() : items.keys(versionIds);
    }

    /** The outcome items of the given versions of the tenant in context (none in versions without the outcome scale). */
    @Transactional
    public List<OutcomeItem> outcomeItems(Collection<UUID> versionIds) {
        return versionIds.isEmpty() ? List.of() : items.outcomeItems(versionIds);
    }

    /** A new instrument with draft version 1: a copy of the default instrument, or empty. */
    @Transactional
    public InstrumentView create(Caller caller, NewInstrument request) {
        Instant now = clock.instant();
        Instrument instrument = instruments.save(new Instrument(UUID.randomUUID(), null, request.name().trim(), now));
        String[] signs = InstrumentVersion.names(EnumSet.allOf(WarningSign.class));
        InstrumentVersion draft;
        if (request.copiesDefault()) {
            DefaultInstrumentView source = defaults.latest();
            draft = versions.save(new InstrumentVersion(UUID.randomUUID(), null, instrument.id(), 1, VersionStatus.DRAFT,
                    signs, source.commentPromptEn(), source.commentPromptJa(), now, null));
            items.replace(draft.id(), source.items());
        } else {
            draft = versions.save(new InstrumentVersion(UUID.randomUUID(), null, instrument.id(), 1, VersionStatus.DRAFT,
                    signs, null, null, now, null));
        }
        audit.record(caller, "instrument.created", "instrument", instrument.id());
        audit.record(caller, "instrument_version.created", "instrument_version", draft.id());
        return InstrumentView.of(instrument, List.of(draft));
    }

    /** Editing a published instrument: a new draft, a copy of the latest published version. */
    @Transactional
    public InstrumentVersionView newDraft(Caller caller, UUID instrumentId) {
        loadInstrument(instrumentId);
        List<InstrumentVersion> all = versions.findByInstrumentIdOrderByVersionNumber(instrumentId);
        if (all.stream().anyMatch(v -> v.status() == VersionStatus.DRAFT)) {
            throw new ConflictException("status", "this instrument already has a draft; edit or publish it first");
        }
        InstrumentVersion latestPublished = all.stream().filter(v -> v.status() == VersionStatus.PUBLISHED)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new ConflictException("status", "this instrument has no published version to copy"));
        int next = all.getLast().versionNumber() + 1;
        InstrumentVersion draft = versions.save(new InstrumentVersion(UUID.randomUUID(), null, instrumentId, next,
                VersionStatus.DRAFT, latestPublished.signs(), latestPublished.commentPromptEn(),
                latestPublished.commentPromptJa(), clock.instant(), null));
        List<InstrumentItemView> copied = items.of(latestPublished.id());
        items.replace(draft.id(), copied);
        audit.record(caller, "instrument_version.created", "instrument_version", draft.id());
        return InstrumentVersionView.of(draft, copied);
    }

    /** Replaces a draft's items, signs and comment question. */
    @Transactional
    public InstrumentVersionView replaceDraft(Caller caller, UUID instrumentId, UUID versionId, DraftContent content) {
        InstrumentVersion draft = requireDraft(loadVersion(instrumentId, versionId));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<InstrumentItemView> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<WarningSign> chosen = content.signs() == null ? null : EnumSet.copyOf(content.signs());
        for (int i = 0; i < content.items().size(); i++) {
            InstrumentItemDetails item = content.items().get(i);
            String at = "items[" + i + "].";
            if (!codes.add(item.code())) {
                errors.add(new Problem.FieldError(at + "code", "appears more than once in this version"));
            }
            ItemScale scale = item.scale() == null ? ItemScale.SIGN : item.scale();
            if (scale == ItemScale.SIGN && item.sign() == null) {
                errors.add(new Problem.FieldError(at + "sign", "is required for an item of the SIGN scale"));
            } else if (scale == ItemScale.OUTCOME && item.sign() != null) {
                errors.add(new Problem.FieldError(at + "sign", "must be empty: an OUTCOME item measures no warning sign"));
            } else if (scale == ItemScale.SIGN && chosen != null && !chosen.contains(item.sign())) {
                errors.add(new Problem.FieldError(at + "sign", "is not one of the signs this version measures"));
            }
            String hqEn = trimmed(item.textHqEn());
            String hqJa = trimmed(item.textHqJa());
            String japanEn = trimmed(item.textJapanEn());
            String japanJa = trimmed(item.textJapanJa());
            if (!item.audience().asksHq()) {
                mustBeEmpty(errors, at + "textHqEn", hqEn, "HQ");
                mustBeEmpty(errors, at + "textHqJa", hqJa, "HQ");
            }
            if (!item.audience().asksJapan()) {
                mustBeEmpty(errors, at + "textJapanEn", japanEn, "Japan");
                mustBeEmpty(errors, at + "textJapanJa", japanJa, "Japan");
            }
            rows.add(new InstrumentItemView(i + 1, item.code(), item.sign(), item.audience(), item.reverseKeyed(),
                    hqEn, hqJa, japanEn, japanJa, scale));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<WarningSign> signs = chosen != null ? chosen
                : rows.stream().filter(r -> !r.outcome()).map(InstrumentItemView::sign).collect(Collectors.toCollection(() -> EnumSet.noneOf(WarningSign.class)));
        if (signs.isEmpty()) {
            signs = EnumSet.allOf(WarningSign.class);
        }
        InstrumentVersion updated = versions.update(draft.withContent(InstrumentVersion.names(signs),
                trimmed(content.commentPromptEn()), trimmed(content.commentPromptJa())));
        items.replace(versionId, rows);
        audit.record(caller, "instrument_version.updated", "instrument_version", versionId);
        return InstrumentVersionView.of(updated, rows);
    }

    @Transactional
    public InstrumentVersionView publish(Caller caller, UUID instrumentId, UUID versionId) {
        InstrumentVersion draft = requireDraft(loadVersion(instrumentId, versionId));
        List<InstrumentItemView> current = items.of(versionId);
        List<Problem.FieldError> errors = publishingProblems(draft, current);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        InstrumentVersion published = versions.update(draft.published(clock.instant()));
        audit.record(caller, "instrument_version.published", "instrument_version", versionId);
        return InstrumentVersionView.of(published, current);
    }

    /** Field names as in {@link DraftContent}, so a client can point at what to fix. */
    private static List<Problem.FieldError> publishingProblems(InstrumentVersion draft, List<InstrumentItemView> current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<WarningSign> covered = current.stream().filter(i -> !i.outcome()).map(InstrumentItemView::sign)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WarningSign.class)));
        Set<WarningSign> missing = new LinkedHashSet<>(draft.chosenSigns());
        missing.removeAll(covered);
        if (current.isEmpty()) {
            errors.add(new Problem.FieldError("items", "a published version needs items"));
        }
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("signs", "no item measures " + missing.stream().map(Enum::name)
                    .collect(Collectors.joining(", "))));
        }
        for (int i = 0; i < current.size(); i++) {
            InstrumentItemView item = current.get(i);
            String at = "items[" + i + "].";
            if (!item.outcome() && !draft.chosenSigns().contains(item.sign())) {
                errors.add(new Problem.FieldError(at + "sign", "is not one of the signs this version measures"));
            }
            if (item.audience().asksHq()) {
                required(errors, at + "textHqEn", item.textHqEn());
                required(errors, at + "textHqJa", item.textHqJa());
            }
            if (item.audience().asksJapan()) {
                required(errors, at + "textJapanEn", item.textJapanEn());
                required(errors, at + "textJapanJa", item.textJapanJa());
            }
        }
        if ((draft.commentPromptEn() == null) != (draft.commentPromptJa() == null)) {
            errors.add(new Problem.FieldError(draft.commentPromptEn() == null ? "commentPromptEn" : "commentPromptJa",
                    "the comment question needs both languages, or neither"));
        }
        return errors;
    }

    private static void required(List<Problem.FieldError> errors, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required before publishing"));
        }
    }

    private static void mustBeEmpty(List<Problem.FieldError> errors, String field, @Nullable String text, String side) {
        if (text != null) {
            errors.add(new Problem.FieldError(field, "must be empty: this item is not asked of " + side));
        }
    }

    private static InstrumentVersion requireDraft(InstrumentVersion version) {
        if (version.status() != VersionStatus.DRAFT) {
            throw new ConflictException("status", "a published version never changes; create a new draft instead");
        }
        return version;
    }

    private Instrument loadInstrument(UUID id) {
        return instruments.findById(id).orElseThrow(() -> new NotFoundException("instrument"));
    }

    private InstrumentVersion loadVersion(UUID instrumentId, UUID versionId) {
        return versions.findById(versionId)
                .filter(v -> v.instrumentId().equals(instrumentId))
                .orElseThrow(() -> new NotFoundException("instrument version"));
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
