package com.kakehashi.mail;

import com.kakehashi.invitation.InvitationTokens;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import com.kakehashi.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail dispatcher against real PostgreSQL and a real SMTP server (GreenMail). The scheduler is
 * off here: each test calls {@link MailDispatcher#dispatchDue()} itself.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.public-url", value = "https://pulse.test.example/")
@Property(name = "kakehashi.mail.from", value = "Kakehashi <no-reply@mail.test.example>")
@Property(name = "kakehashi.mail.batch-size", value = "5")
@Property(name = "kakehashi.mail.max-attempts", value = "3")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "5s")
@Property(name = "mail-test.crashable", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDispatcherTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final Pattern LINK = Pattern.compile("https://pulse\\.test\\.example/s/([A-Za-z0-9_-]+)");
    /** 2030-12-06 09:00 UTC: Friday 18:00 in Tokyo, Friday 04:00 in New York (EST). */
    private static final Instant CLOSES = Instant.parse("2030-12-06T09:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    MailDispatcher dispatcher;

    @Inject
    Mailer mailer;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    private CrashableMailer crashable() {
        return (CrashableMailer) mailer;
    }

    @BeforeEach
    void noCrashPlanned() {
        crashable().crashAfter = -1;
        crashable().dieAfter = -1;
        crashable().dead = false;
        crashable().refusing = false;
        clock.reset();
    }

    private OutboxRows rows() throws Exception {
        return new OutboxRows(databaseUrl, fixtures.tenant("Mail").id());
    }

    // ---- helpers to read what GreenMail received ----

    private static String plainText(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> found = mailsTo(address);
        assertThat(found).as("mails to " + address).hasSize(1);
        return found.getFirst();
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private static String token(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a /s/ link in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private static String address(String tag) {
        return tag + "-" + UUID.randomUUID() + "@people.example";
    }

    // ---- tests ----

    @Test
    void japaneseInvitationHasJapaneseSubjectEngagementTokyoClosingTimeAndAStoredTokenLink() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("組織統合プロジェクト", CLOSES);
            String email = address("ja");
            UUID invitation = db.invitation(wave, email, "佐藤 健", "ja", "Asia/Tokyo");
            UUID outbox = db.outbox(invitation, "INVITATION", Instant.now().minusSeconds(5));

            dispatcher.dispatchDue();

            MimeMessage mail = onlyMailTo(email);
            assertThat(mail.getSubject()).isEqualTo("アンケートご回答のお願い：組織統合プロジェクト（12月6日(金)締切）");
            assertThat(mail.getFrom()[0].toString()).contains("no-reply@mail.test.example");
            String text = plainText(mail);
            assertThat(text).startsWith("佐藤 健 様")
                    .contains("「組織統合プロジェクト」")
                    .contains("2030年12月6日(金) 18:00（日本時間）")
                    .contains("ご回答ください");
            String html = part(mail, "text/html");
            assertThat(html).contains("lang=\"ja\"").contains("組織統合プロジェクト").contains("2030年12月6日(金) 18:00");
            String token = token(text);
            assertThat(html).contains("https://pulse.test.example/s/" + token);
            assertThat(Base64Length.bits(token)).isGreaterThanOrEqualTo(128);

            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE token_hash = ? AND invitation_id = ? AND tenant_id = ? AND expires_at = ?",
                    InvitationTokens.hash(token), invitation, db.tenantId, java.sql.Timestamp.from(CLOSES))).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE token_hash = convert_to(?, 'UTF8')", token))
                    .as("the raw token is never stored").isZero();
            OutboxRows.Row row = db.row(outbox);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.sentAt()).isNotNull();
        }
    }

    @Test
    void englishInvitationHasEnglishSubjectAndTheClosingTimeInTheParticipantsZone() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Post-merger integration", CLOSES);
            String email = address("en");
            UUID invitation = db.invitation(wave, email, "Anna Weber", "en", "America/New_York");
            db.outbox(invitation, "INVITATION", Instant.now().minusSeconds(5));

            dispatcher.dispatchDue();

            MimeMessage mail = onlyMailTo(email);
            assertThat(mail.getSubject()).isEqualTo("Post-merger integration: a short survey for you (open until Fri 6 Dec)");
            String text = plainText(mail);
            assertThat(text).startsWith("Dear Anna Weber,")
                    .contains("\u201cPost-merger integration\u201d")
                    .contains("Friday 6 December 2030, 04:00 (Eastern Time)");
            assertThat(part(mail, "text/html")).contains("lang=\"en\"");
            String token = token(text);
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE token_hash = ? AND invitation_id = ?",
                    InvitationTokens.hash(token), invitation)).isEqualTo(1);
        }
    }

    @Test
    void messageIdIsDeterministicPerInvitationAndKind() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Message ids", CLOSES);
            String email = address("mid");
            UUID invitation = db.invitation(wave, email, "Mid", "en", "Europe/Berlin");
            db.outbox(invitation, "INVITATION", Instant.now().minusSeconds(60));
            UUID reminder = db.outbox(invitation, "REMINDER", Instant.now().minusSeconds(30));

            dispatcher.dispatchDue();

            List<String> ids = new ArrayList<>();
            for (MimeMessage mail : mailsTo(email)) {
                ids.add(mail.getMessageID());
            }
            assertThat(ids).containsExactlyInAnyOrder(
                    "<" + invitation + ".invitation@mail.test.example>",
                    "<" + invitation + ".reminder." + reminder + "@mail.test.example>");
            List<String> tokens = new ArrayList<>();
            for (MimeMessage mail : mailsTo(email)) {
                tokens.add(token(plainText(mail)));
            }
            assertThat(new HashSet<>(tokens)).as("a reminder mints a fresh token").hasSize(2);
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE invitation_id = ?", invitation))
                    .as("both tokens stay valid").isEqualTo(2);
        }
    }

    @Test
    void reminderToARespondedInvitationIsCancelledNotSent() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Reminders", CLOSES);
            String answered = address("answered");
            String silent = address("silent");
            UUID answeredInvitation = db.invitation(wave, answered, "Answered", "ja", "Asia/Tokyo");
            UUID silentInvitation = db.invitation(wave, silent, "Silent", "ja", "Asia/Tokyo");
            db.execute("UPDATE invitation SET responded = true WHERE id = ?", answeredInvitation);
            UUID cancelled = db.outbox(answeredInvitation, "REMINDER", Instant.now().minusSeconds(5));
            UUID sent = db.outbox(silentInvitation, "REMINDER", Instant.now().minusSeconds(5));

            dispatcher.dispatchDue();

            assertThat(mailsTo(answered)).isEmpty();
            assertThat(onlyMailTo(silent).getSubject()).isEqualTo("【リマインド】アンケートご回答のお願い：Reminders（12月6日(金)締切）");
            assertThat(db.row(cancelled).status()).isEqualTo("CANCELLED");
            assertThat(db.row(sent).status()).isEqualTo("SENT");
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE invitation_id = ?", answeredInvitation)).isZero();
        }
    }

    @Test
    void mailDueAfterItsWavesClosingTimeOrToAnErasedParticipantIsCancelled() throws Exception {
        try (OutboxRows db = rows()) {
            // Past its closing time, not yet closed by the closer (which cancels a closing wave's mails itself).
            OutboxRows.Wave closed = db.wave("Closed", Instant.now().minusSeconds(1));
            String late = address("late");
            UUID lateInvitation = db.invitation(closed, late, "Late", "en", "Europe/Berlin");
            UUID lateMail = db.outbox(lateInvitation, "INVITATION", Instant.now().minusSeconds(5));
            OutboxRows.Wave open = db.wave("Open", CLOSES);
            String erased = address("erased");
            UUID erasedInvitation = db.invitation(open, erased, "Erased", "en", "Europe/Berlin");
            db.execute("DELETE FROM participant WHERE email = ?", erased);
            UUID erasedMail = db.outbox(erasedInvitation, "INVITATION", Instant.now().minusSeconds(5));

            dispatcher.dispatchDue();

            assertThat(mailsTo(late)).isEmpty();
            assertThat(mailsTo(erased)).isEmpty();
            assertThat(db.row(lateMail).status()).isEqualTo("CANCELLED");
            assertThat(db.row(lateMail).lastError()).isEqualTo("wave closed");
            assertThat(db.row(erasedMail).status()).isEqualTo("CANCELLED");
            assertThat(db.row(erasedMail).lastError()).isEqualTo("participant erased");
        }
    }

    @Test
    void smtpDownCountsAttemptsBacksOffAndEventuallyFails() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Outage", CLOSES);
            String email = address("outage");
            UUID outbox = db.outbox(db.invitation(wave, email, "Outage", "en", "Europe/Berlin"), "INVITATION",
                    Instant.now().minusSeconds(5));
            SMTP.stop();

            Instant before = Instant.now();
            dispatcher.dispatchDue();
            OutboxRows.Row first = db.row(outbox);
            assertThat(first.status()).isEqualTo("PENDING");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).isNotBlank().hasSizeLessThanOrEqualTo(200).doesNotContain("@");
            assertThat(Duration.between(before, first.sendAfter())).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(65));

            dispatcher.dispatchDue();
            assertThat(db.row(outbox).attempts()).as("not due again before the backoff").isEqualTo(1);

            db.execute("UPDATE mail_outbox SET send_after = now() - interval '1 second' WHERE id = ?", outbox);
            before = Instant.now();
            dispatcher.dispatchDue();
            OutboxRows.Row second = db.row(outbox);
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(Duration.between(before, second.sendAfter())).as("doubled").isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));

            db.execute("UPDATE mail_outbox SET send_after = now() - interval '1 second' WHERE id = ?", outbox);
            dispatcher.dispatchDue();
            OutboxRows.Row last = db.row(outbox);
            assertThat(last.status()).as("max-attempts is 3 here").isEqualTo("FAILED");
            assertThat(last.attempts()).isEqualTo(3);
            assertThat(last.sentAt()).isNull();
        }
    }

    /** The fast part of the SMTP-outage drill (infra/drills/smtp-outage.sh): stopped, then started again. */
    @Test
    void mailsThatWaitedOutAnSmtpOutageAreEachDeliveredExactlyOnceWhenTheServerIsBack() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Back again", CLOSES);
            List<String> addresses = new ArrayList<>();
            List<UUID> mails = new ArrayList<>();
            for (int i = 0; i < 7; i++) { // more than one round (batch size 5)
                String email = address("back" + i);
                addresses.add(email);
                mails.add(db.outbox(db.invitation(wave, email, "Back " + i, "en", "Europe/Berlin"), "INVITATION",
                        Instant.now().minusSeconds(30)));
            }
            Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            clock.set(start);
            SMTP.stop();

            dispatcher.dispatchDue();
            clock.set(start.plusSeconds(30));
            dispatcher.dispatchDue();

            for (UUID mail : mails) {
                OutboxRows.Row row = db.row(mail);
                assertThat(row.status()).as("waits while the server is down").isEqualTo("PENDING");
                assertThat(row.attempts()).as("one attempt, then the backoff").isEqualTo(1);
                assertThat(row.sendAfter()).isEqualTo(start.plus(Duration.ofMinutes(1)));
            }

            SMTP.start();
            clock.set(start.plusSeconds(61));
            dispatcher.dispatchDue();
            clock.set(start.plusSeconds(200));
            dispatcher.dispatchDue();

            for (UUID mail : mails) {
                OutboxRows.Row row = db.row(mail);
                assertThat(row.status()).isEqualTo("SENT");
                assertThat(row.lastError()).isNull();
            }
            for (String email : addresses) {
                assertThat(mailsTo(email)).as("exactly one mail to " + email).hasSize(1);
            }
            assertEveryMailedLinkOpens(db, addresses);
            assertThat(db.count("""
                    SELECT count(*) FROM invitation_token t JOIN invitation i ON i.id = t.invitation_id
                    WHERE i.wave_id = ?""", wave.id())).as("no token minted while the server was down").isEqualTo(7);
        }
    }

    @Test
    void alertAndInvitationMailsGoOutThroughTheOneWorkerRetriedWithBackoffOnTheOneClock() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("One worker", CLOSES);
            String participant = address("one-worker");
            UUID invitationMail = db.outbox(db.invitation(wave, participant, "One Worker", "en", "Europe/Berlin"), "INVITATION",
                    Instant.now().minusSeconds(5));
            String consultant = address("consultant");
            UUID alertMail = db.alertMail(wave, consultant, Instant.now().minusSeconds(5));
            Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            clock.set(start);
            crashable().refusing = true;

            dispatcher.dispatchDue();

            for (UUID mail : List.of(invitationMail, alertMail)) {
                OutboxRows.Row row = db.row(mail);
                assertThat(row.status()).as("refused, kept").isEqualTo("PENDING");
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).contains("451").doesNotContain("@");
                assertThat(row.sendAfter()).as("one minute on the application's clock").isEqualTo(start.plus(Duration.ofMinutes(1)));
            }
            crashable().refusing = false;
            clock.set(start.plusSeconds(59));
            dispatcher.dispatchDue();
            assertThat(mailsTo(participant)).as("not due before the backoff ends").isEmpty();

            clock.set(start.plusSeconds(61));
            MailDispatcher.Report report = dispatcher.dispatchDue();

            assertThat(report.sent()).isGreaterThanOrEqualTo(2);
            assertThat(db.row(invitationMail).status()).isEqualTo("SENT");
            assertThat(db.row(alertMail).status()).isEqualTo("SENT");
            assertThat(onlyMailTo(participant).getSubject()).startsWith("One worker: a short survey for you");
            MimeMessage alert = onlyMailTo(consultant);
            assertThat(alert.getSubject()).startsWith("[Kakehashi] ");
            assertThat(alert.getMessageID()).endsWith(".alert." + alertMail + "@mail.test.example>");
        }
    }

    @Test
    void outsideTheDemoRunThereIsNoDemoMailboxAndNoMailboxPage() {
        assertThat(context.containsBean(DemoMailbox.class)).isFalse();
        assertThat(context.getBeanDefinitions(DemoMailboxController.class)).isEmpty();
        assertThat(context.containsBean(SmtpMailer.class) || context.containsBean(CrashableMailer.class)).isTrue();
    }

    @Test
    void backoffDoublesFromOneMinuteAndStopsAtOneHour() {
        assertThat(OutboxWorker.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxWorker.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxWorker.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxWorker.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxWorker.backoff(40)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxWorker.describe(new jakarta.mail.SendFailedException("550 <someone@corp.example> unknown")))
                .doesNotContain("someone").contains("<address>");
    }

    @Test
    void twoDispatchersRunningAtOnceSendEachMailExactlyOnce() throws Exception {
        try (OutboxRows db = rows()) {
            OutboxRows.Wave wave = db.wave("Concurrency", CLOSES);
            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                String email = address("c" + i);
                addresses.add(email);
                db.outbox(db.invitation(wave, email, "C" + i, i % 2 == 0 ? "ja" : "en", "Asia/Tokyo"), "INVITATION",
                        Instant.now().minusSeconds(5));
            }
            int sendsBefore = crashable().sends.get();
            int connectionsBefore = crashable().connections.get();

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MailDispatcher.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return dispatcher.dispatchDue();
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<MailDispatcher.Report> run : runs) {
                sent += run.get().sent();
            }
            pool.shutdown();

            assertThat(sent).isEqualTo(40);
            assertThat(crashable().sends.get() - sendsBefore).isEqualTo(40);
            for (String email : addresses) {
                assertThat(mailsTo(email)).as(email).hasSize(1);
            }
            assertThat(db.statuses()).hasSize(40).containsOnly("SENT");
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE tenant_id = ?", db.tenantId)).isEqualTo(40);
            assertThat(crashable().connections.get() - connectionsBefore).as("one SMTP connection per batch, not per mail").isLessThanOrEqualTo(40 / 5 + 2);
        }
    }

    @Test
    void singleWorkerKilledMidBatchAndRestartedLosesNoMail() throws Exception {
        try (OutboxRows db = rows()) {
            List<String> addresses = queueInvitations(db, db.wave("Crash", CLOSES), "k", 12, i -> "en", "Europe/Berlin");
            int sendsBefore = crashable().sends.get();
            // One worker, batches of 5: the first batch commits, the second dies after 2 of its 5 sends.
            crashable().crashAfter = sendsBefore + 7;

            dispatcher.dispatch(1);
            assertThat(crashable().sends.get() - sendsBefore).isEqualTo(7);
            assertThat(db.statuses()).filteredOn("SENT"::equals).hasSize(5);
            assertThat(db.statuses()).filteredOn("PENDING"::equals).as("the killed batch rolled back").hasSize(7);

            dispatcher.dispatch(1);

            assertThat(db.statuses()).hasSize(12).containsOnly("SENT");
            int delivered = deliveredOnceOrTwice(addresses);
            assertThat(delivered - 12).as("duplicates at most one batch").isBetween(0, 5);
            assertThat(delivered).isEqualTo(crashable().sends.get() - sendsBefore);
            assertEveryMailedLinkOpens(db, addresses);
        }
    }

    @Test
    void parallelWorkersWithOneKilledMidBatchLoseNoMailAndResendAtMostThatBatch() throws Exception {
        try (OutboxRows db = rows()) {
            List<String> addresses = queueInvitations(db, db.wave("Parallel crash", CLOSES), "pk", 23,
                    i -> i % 2 == 0 ? "ja" : "en", "Asia/Tokyo");
            int sendsBefore = crashable().sends.get();
            // Default workers (4) in parallel sharing a batch of 5: whichever worker makes the 8th send dies there.
            crashable().crashAfter = sendsBefore + 7;

            dispatcher.dispatchDue();
            assertThat(crashable().crashAfter).as("the crash happened").isEqualTo(-1);
            long sentRows = db.statuses().stream().filter("SENT"::equals).count();
            assertThat(db.statuses()).as("every row is SENT or still PENDING").isSubsetOf("SENT", "PENDING");
            assertThat(db.count("SELECT count(*) FROM invitation_token WHERE tenant_id = ?", db.tenantId))
                    .as("a stored token for every SENT row (and for the rolled-back round's mails)").isGreaterThanOrEqualTo(sentRows);

            dispatcher.dispatchDue();

            assertThat(db.statuses()).hasSize(23).containsOnly("SENT");
            int delivered = deliveredOnceOrTwice(addresses);
            assertThat(delivered - 23).as("duplicates at most the one batch that died").isBetween(0, 5);
            assertThat(delivered).isEqualTo(crashable().sends.get() - sendsBefore);
            assertEveryMailedLinkOpens(db, addresses);
        }
    }

    @Test
    void replicaKilledWithEveryWorkerMidRoundResendsAtMostOneBatch() throws Exception {
        try (OutboxRows db = rows()) {
            List<String> addresses = queueInvitations(db, db.wave("Replica crash", CLOSES), "rk", 30, i -> "en", "Asia/Tokyo");
            int sendsBefore = crashable().sends.get();
            // Two workers share the batch of 5 (rounds of 2); the process dies at the 8th send, with
            // both workers mid-round. Rounds of a whole batch each would leave up to 2 × 5 sent and
            // unrecorded.
            crashable().dieAfter = sendsBefore + 7;

            dispatcher.dispatch(2);
            int sentBeforeDeath = crashable().sends.get() - sendsBefore;
            long recorded = db.statuses().stream().filter("SENT"::equals).count();
            // Both workers may pass the crash check at the 7th send together: 7 or 8 sent.
            assertThat(sentBeforeDeath).isBetween(7, 8);
            assertThat(sentBeforeDeath - recorded).as("sent but not recorded when the process died").isBetween(0L, 5L);

            crashable().dead = false;
            dispatcher.dispatch(2);

            assertThat(db.statuses()).hasSize(30).containsOnly("SENT");
            int delivered = deliveredOnceOrTwice(addresses);
            assertThat(delivered - 30).as("duplicates at most one batch").isBetween(0, 5)
                    .isEqualTo((int) (sentBeforeDeath - recorded));
            assertEveryMailedLinkOpens(db, addresses);
        }
    }

    /** Invitation mails of one wave, due in the order of their number; @return their addresses */
    private static List<String> queueInvitations(OutboxRows db, OutboxRows.Wave wave, String prefix, int count,
                                                 java.util.function.IntFunction<String> language, String zone) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = address(prefix + i);
            addresses.add(email);
            db.outbox(db.invitation(wave, email, prefix.toUpperCase(java.util.Locale.ROOT) + i, language.apply(i), zone), "INVITATION",
                    Instant.now().minusSeconds(60 - i));
        }
        return addresses;
    }

    /** Every address got its mail, a crash's resend at most once more; @return the mails received */
    private static int deliveredOnceOrTwice(List<String> addresses) throws Exception {
        int delivered = 0;
        for (String email : addresses) {
            int copies = mailsTo(email).size();
            assertThat(copies).as(email).isBetween(1, 2);
            delivered += copies;
        }
        return delivered;
    }

    /**
     * Both copies of a mail sent again after a crash carry a link that works: the first copy's token
     * was committed before it was sent (mail clients may keep only one copy of a Message-ID).
     */
    private static void assertEveryMailedLinkOpens(OutboxRows db, List<String> addresses) throws Exception {
        for (String email : addresses) {
            for (MimeMessage mail : mailsTo(email)) {
                String token = token(plainText(mail));
                assertThat(db.count("SELECT count(*) FROM invitation_token WHERE token_hash = ?", InvitationTokens.hash(token)))
                        .as("the link in a mail to " + email + " is stored").isEqualTo(1);
            }
        }
    }

    /** Entropy of a base64url token. */
    private static final class Base64Length {
        static int bits(String token) {
            return token.length() * 6;
        }
    }
}
