package com.kakehashi.respond;

import com.kakehashi.insight.AnonymousResponse;
import com.kakehashi.insight.AnonymousResponses;
import com.kakehashi.insight.DelayBucket;
import com.kakehashi.invitation.InvitationService;
import com.kakehashi.invitation.InvitationView;
import com.kakehashi.invitation.TokenOwner;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.SurveyTitles;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.web.Text;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveStatus;
import com.kakehashi.wave.WaveWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The respondent's side of a wave. A token leads to its tenant through the global token table;
 * everything after that runs inside that tenant. Looking at the questionnaire never writes.
 * <p>
 * Unknown, expired and closed tokens take the same path: the token is always hashed and looked
 * up, and the invitation is always looked up in a tenant (a random one that holds nothing when
 * the token is unknown), so neither the page nor the time it takes tells them apart.
 */
@Singleton
class RespondentService {

    /** Longer "tokens" are not hashed in full: they cannot be ours, and hashing megabytes costs time. */
    private static final int TOKEN_MAX = 256;
    private static final Pattern ANSWER = Pattern.compile("[1-5]");
    static final String FIELD_PREFIX = "q_";
    /**
     * A decoder leaves U+FFFD of a lone surrogate or broken UTF-8: refused in comments beside what
     * the shared text rule ({@link Text}) refuses, since the respondent never typed it.
     */
    private static final char DECODING_LEFTOVER = '\uFFFD';

    private final AnonymousResponses responses;
    private final InvitationService invitations;
    private final WaveService waves;
    private final ScheduleService schedules;
    private final PublishedVersions versions;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final SubmissionMetrics metrics;

    RespondentService(AnonymousResponses responses, InvitationService invitations, WaveService waves,
                      ScheduleService schedules, PublishedVersions versions, Clock clock,
                      TransactionOperations<Connection> transactions, SubmissionMetrics metrics) {
        this.responses = responses;
        this.invitations = invitations;
        this.waves = waves;
        this.schedules = schedules;
        this.versions = versions;
        this.clock = clock;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** GET: the questionnaire in the requested language, or why there is none. Changes nothing. */
    Outcome visit(String token, @Nullable String requestedLanguage) {
        return transactions.executeRead(status -> located(token, clock.instant(), located -> {
            if (located.isEmpty()) {
                return new Outcome.Unavailable();
            }
            Invitee invitee = located.get().invitee();
            String language = Translations.language(requestedLanguage, invitee.language());
            if (invitee.responded()) {
                return new Outcome.AlreadyAnswered(language);
            }
            InstrumentVersionView version = located.get().version();
            return new Outcome.Form(invitee, language, Outcome.itemsFor(version, invitee.side()),
                    commentPrompt(version, language), Map.of(), null, Map.of());
        }));
    }

    /**
     * POST: validates every answer; stores the response once, or says why not. One transaction on
     * one connection from the token to the answers stored through insight's {@link AnonymousResponses}.
     */
    Outcome submit(String token, Map<String, String> form) {
        Outcome outcome = submit(token, form, clock.instant());
        // After the commit: a submission whose transaction failed was neither accepted nor rejected.
        metrics.count(outcome);
        return outcome;
    }

    /** {@link #submit(String, Map)} as if posted at {@code now}: the demo's history answers in the past. */
    Outcome submit(String token, Map<String, String> form, Instant now) {
        return transactions.executeWrite(status -> located(token, now, located -> located.isEmpty()
                ? new Outcome.Unavailable() : answer(located.get(), form, now)));
    }

    /** In the invitation's tenant, inside the caller's transaction. */
    private Outcome answer(Located found, Map<String, String> form, Instant now) {
        Invitee invitee = found.invitee();
        String language = Translations.language(form.get("lang"), invitee.language());
        if (invitee.responded()) {
            return new Outcome.AlreadyAnswered(language);
        }
        List<InstrumentItemView> items = Outcome.itemsFor(found.version(), invitee.side());
        String prompt = commentPrompt(found.version(), language);

        Map<String, String> selected = new LinkedHashMap<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        Map<String, Outcome.AnswerError> errors = new LinkedHashMap<>();
        for (InstrumentItemView item : items) {
            String raw = form.get(FIELD_PREFIX + item.code());
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                errors.put(item.code(), new Outcome.AnswerError("missing", null));
            } else if (!ANSWER.matcher(value).matches()) {
                errors.put(item.code(), new Outcome.AnswerError("invalid", null));
            } else {
                selected.put(item.code(), value);
                answers.put(item.code(), Integer.parseInt(value));
            }
        }
        String comment = normalisedComment(form.get("comment"));
        if (prompt != null && comment != null
                && (Text.refusal(comment, true).isPresent() || comment.indexOf(DECODING_LEFTOVER) >= 0)) {
            // Refused, not silently cleaned: the respondent sees the cleaned comment and decides.
            comment = Text.withoutRefused(comment, true).replace(String.valueOf(DECODING_LEFTOVER), "");
            errors.put("comment", new Outcome.AnswerError("commentUnsafe", null));
        } else if (comment != null) {
            int length = comment.codePointCount(0, comment.length());
            if (length > Translations.COMMENT_MAX) {
                errors.put("comment", new Outcome.AnswerError("commentTooLong", length));
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome.Form(invitee, language, items, prompt, selected, comment, errors);
        }
        String storedComment = prompt == null || comment == null || comment.isBlank() ? null : comment.strip();
        // The invitation is marked answered first and only if it was not (its row lock makes a
        // concurrent submission of the same token wait, re-check and store nothing).
        if (!invitations.markResponded(invitee.invitationId())) {
            return new Outcome.AlreadyAnswered(language);
        }
        responses.record(new AnonymousResponse(invitee.waveId(), invitee.side(), invitee.level(), language,
                DelayBucket.between(invitee.sendAt(), now), answers, storedComment));
        return new Outcome.Thanks(language);
    }

    private record Located(Invitee invitee, InstrumentVersionView version) {
    }

    /**
     * Always one hash, one token query and the same invitation, wave and schedule queries, whatever
     * the token, inside the caller's transaction: the token table is global, then the tenant it
     * names is entered on the same connection and {@code then} runs in it (an unknown token enters a
     * random tenant that holds nothing, and looks up random ids there).
     */
    private <T> T located(String token, Instant now, Function<Optional<Located>, T> then) {
        String candidate = token.length() > TOKEN_MAX ? token.substring(0, TOKEN_MAX) : token;
        Optional<TokenOwner> row = invitations.resolve(candidate, now);
        boolean known = row.isPresent() && token.length() <= TOKEN_MAX;
        UUID tenant = known ? row.get().tenantId() : UUID.randomUUID();
        UUID invitation = known ? row.get().invitationId() : UUID.randomUUID();
        return TenantContext.callAs(tenant, () -> then.apply(invitee(invitation)
                .filter(i -> i.acceptsAnswers(now))
                .flatMap(i -> versions.find(i.instrumentVersionId())
                        .map(v -> new Located(i, v)))));
    }

    /** The invitation with its wave's window and survey titles, in the tenant in context. */
    private Optional<Invitee> invitee(UUID invitationId) {
        Optional<InvitationView> invitation = Optional.ofNullable(invitations.find(List.of(invitationId)).get(invitationId));
        UUID waveId = invitation.map(InvitationView::waveId).orElseGet(UUID::randomUUID);
        Optional<WaveWindow> wave = Optional.ofNullable(waves.windows(List.of(waveId)).get(waveId));
        Optional<SurveyTitles> titles = schedules.surveyTitles(wave.map(WaveWindow::scheduleId).orElseGet(UUID::randomUUID));
        if (invitation.isEmpty() || wave.isEmpty() || titles.isEmpty()) {
            return Optional.empty();
        }
        InvitationView i = invitation.get();
        WaveWindow w = wave.get();
        return Optional.of(new Invitee(i.id(), i.waveId(), i.side(), i.level(), i.language(), i.timeZone(), i.sendAt(),
                i.responded(), w.status() == WaveStatus.OPEN, w.closesAt(), w.instrumentVersionId(),
                titles.get().en(), titles.get().ja()));
    }

    private static @Nullable String commentPrompt(InstrumentVersionView version, String language) {
        return Translations.JA.equals(language) ? version.commentPromptJa() : version.commentPromptEn();
    }

    /**
     * Browsers send line breaks as CRLF but count them as one character: count as they do. A lone CR
     * is a line break too.
     */
    private static @Nullable String normalisedComment(@Nullable String comment) {
        return comment == null ? null : comment.replace("\r\n", "\n").replace('\r', '\n');
    }
}
