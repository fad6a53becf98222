package com.kakehashi.respond;

import com.kakehashi.insight.RollupFolder;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.web.Text;
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

    private final RespondStore store;
    private final PublishedVersions versions;
    private final Clock clock;
    private final RollupFolder folder;
    private final TransactionOperations<Connection> transactions;

    RespondentService(RespondStore store, PublishedVersions versions, Clock clock, RollupFolder folder,
                      TransactionOperations<Connection> transactions) {
        this.store = store;
        this.versions = versions;
        this.clock = clock;
        this.folder = folder;
        this.transactions = transactions;
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
     * one connection from the token to the stored answers (the fewest round trips); the insight
     * folder is told only after the commit.
     */
    Outcome submit(String token, Map<String, String> form) {
        return submit(token, form, clock.instant());
    }

    /** {@link #submit(String, Map)} as if posted at {@code now}: the demo's history answers in the past. */
    Outcome submit(String token, Map<String, String> form, Instant now) {
        Submission submission = transactions.executeWrite(status -> located(token, now, located -> located.isEmpty()
                ? new Submission(new Outcome.Unavailable(), null) : answer(located.get(), form, now)));
        if (submission.storedIn() != null) {
            folder.nudge(submission.storedIn());
        }
        return submission.outcome();
    }

    /** @param storedIn the tenant of the stored response; null when nothing was stored */
    private record Submission(Outcome outcome, @Nullable UUID storedIn) {
    }

    /** In the invitation's tenant, inside the caller's transaction. */
    private Submission answer(Located found, Map<String, String> form, Instant now) {
        Invitee invitee = found.invitee();
        String language = Translations.language(form.get("lang"), invitee.language());
        if (invitee.responded()) {
            return new Submission(new Outcome.AlreadyAnswered(language), null);
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
            return new Submission(new Outcome.Form(invitee, language, items, prompt, selected, comment, errors), null);
        }
        String storedComment = prompt == null || comment == null || comment.isBlank() ? null : comment.strip();
        // Storing the response also queues it for the insight rollups (a trigger, same transaction);
        // they are folded after commit, so submissions of one wave do not queue behind the rows
        // they would all update (issue 4: dashboards may lag an open wave by the fold delay).
        boolean stored = store.record(invitee.invitationId(), invitee.waveId(), invitee.side(), invitee.level(), language,
                DelayBucket.between(invitee.sendAt(), now), answers, storedComment);
        return stored ? new Submission(new Outcome.Thanks(language), found.tenantId())
                : new Submission(new Outcome.AlreadyAnswered(language), null);
    }

    private record Located(UUID tenantId, Invitee invitee, InstrumentVersionView version) {
    }

    /**
     * Always one hash, one token query and one invitation query, whatever the token, inside the
     * caller's transaction: the token table is global, then the tenant it names is entered on the
     * same connection and {@code then} runs in it (an unknown token enters a random tenant that
     * holds nothing).
     */
    private <T> T located(String token, Instant now, Function<Optional<Located>, T> then) {
        String candidate = token.length() > TOKEN_MAX ? token.substring(0, TOKEN_MAX) : token;
        Optional<RespondStore.TokenRow> row = store.token(TokenHash.of(candidate), now);
        boolean known = row.isPresent() && token.length() <= TOKEN_MAX;
        UUID tenant = known ? row.get().tenantId() : UUID.randomUUID();
        UUID invitation = known ? row.get().invitationId() : UUID.randomUUID();
        return TenantContext.callAs(tenant, () -> then.apply(store.invitee(invitation)
                .filter(i -> i.acceptsAnswers(now))
                .flatMap(i -> versions.find(i.instrumentVersionId())
                        .map(v -> new Located(tenant, i, v)))));
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
