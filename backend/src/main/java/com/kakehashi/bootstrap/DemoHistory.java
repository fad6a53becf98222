package com.kakehashi.bootstrap;

import com.kakehashi.mail.HistoricDelivery;
import com.kakehashi.mail.HistoricDelivery.HistoricLink;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.respond.RecordedAnswers;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.schedule.SendPlan;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.wave.WaveService;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays a schedule's past occurrences through the real code paths, as if the product had been
 * running all along: each wave is opened by {@link WaveService#materialise(ScheduleView, SendPlan, Instant)}
 * at its opening (invitations and outbox rows), its invitation mails are recorded as sent without
 * delivery ({@link HistoricDelivery}, same transaction, so the dispatcher never sees them), the
 * respondents answer through the respondent page's submit path at their answer time
 * ({@link RecordedAnswers}: validation, coarsened delay, rollups), and the wave closes through the
 * engine's closer at its closing time (rollup rebuild, alert evaluation). What people answer comes
 * from a {@link DemoStory} and a seeded {@link Random}: the same history on every start of a day.
 * Occurrences that already have a wave are left alone, so replaying twice adds nothing.
 */
@Singleton
class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    private static final int SUBMITTERS = 4;
    /** Noise of one item's answer on the 1–5 scale; with the person's lean it gives Spearman–Brown about 0.7. */
    private static final double ITEM_NOISE = 0.55;
    /** Points of the sense of alignment that no sign explains (mood of the day, the person's own view). */
    private static final double OUTCOME_NOISE = 8;

    private final WaveService waves;
    private final HistoricDelivery delivery;
    private final RecordedAnswers answers;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DemoHistory(WaveService waves, HistoricDelivery delivery, RecordedAnswers answers,
                TransactionOperations<Connection> transactions, Clock clock) {
        this.waves = waves;
        this.delivery = delivery;
        this.answers = answers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One respondent's post, decided before any is sent so the outcome does not depend on thread timing. */
    private record Post(String token, Map<String, String> form, Instant at) {
    }

    /** @return the number of waves replayed by this call */
    int replay(UUID tenantId, ScheduleView schedule, InstrumentVersionView version, DemoStory story) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int replayed = 0;
        int posted = 0;
        long[] nanos = new long[3]; // open, answer, close: where the start-up time goes
        long t0;
        try (ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS)) {
            Optional<SendPlan> next = schedule.occurrences().after(schedule.startDate().minusDays(1));
            while (next.isPresent() && next.get().closesAt().isBefore(now)) {
                SendPlan plan = next.get();
                next = schedule.occurrences().after(plan.occurrenceDate());
                t0 = System.nanoTime();
                Optional<List<HistoricLink>> links = TenantContext.callAs(tenantId, () -> transactions.executeWrite(
                        status -> waves.materialise(schedule, plan, plan.opensAt()).map(delivery::recordAsSent)));
                if (links.isEmpty()) {
                    continue; // this occurrence already has its wave
                }
                nanos[0] += System.nanoTime() - t0;
                double weeksAgo = ChronoUnit.DAYS.between(plan.occurrenceDate(), today) / 7.0;
                Random random = new Random(story.seed() * 1_000_003L + plan.occurrenceDate().toEpochDay());
                List<Post> posts = posts(links.get(), version, story, weeksAgo, plan, random);
                t0 = System.nanoTime();
                submitAll(submitters, posts);
                nanos[1] += System.nanoTime() - t0;
                t0 = System.nanoTime();
                TenantContext.runAs(tenantId, () -> waves.closeExpired(plan.closesAt()));
                nanos[2] += System.nanoTime() - t0;
                replayed++;
                posted += posts.size();
            }
        }
        LOG.info("Demo history of {}: {} waves, {} responses (ms opening {}, answering {}, closing {})", story.name(),
                replayed, posted, nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000);
        return replayed;
    }

    private List<Post> posts(List<HistoricLink> links, InstrumentVersionView version, DemoStory story, double weeksAgo,
                             SendPlan plan, Random random) {
        Map<Side, Map<WarningSign, Double>> waveMood = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<WarningSign, Double> mood = new EnumMap<>(WarningSign.class);
            for (WarningSign sign : WarningSign.values()) {
                mood.put(sign, story.risk(side, sign, weeksAgo) + random.nextGaussian() * 3);
            }
            waveMood.put(side, mood);
        }
        List<Post> posts = new ArrayList<>();
        for (HistoricLink link : links) {
            Side side = link.side();
            if (random.nextDouble() >= story.responseRate(side, weeksAgo, plan.occurrenceDate())) {
                continue; // stays silent this time
            }
            Person person = Person.of(story, link.email());
            // Sitting on the fence is a stance for the whole questionnaire, not a coin thrown per item.
            boolean onTheFence = random.nextDouble() < story.neutralShare(side, weeksAgo);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("lang", link.language());
            Map<WarningSign, Double> drivers = DemoStory.outcomeDrivers(side);
            double weights = drivers.values().stream().mapToDouble(Double::doubleValue).sum();
            // Outcome answers draw from their own stream, so adding the outcome scale left every sign answer,
            // comment and timing of the history as it was.
            Random outcomeNoise = new Random(story.seed() * 1_000_003L + plan.occurrenceDate().toEpochDay()
                    ^ link.email().hashCode() * 0x9E3779B97F4A7C15L);
            double risk = drivers.entrySet().stream()
                    .mapToDouble(d -> d.getValue() * (waveMood.get(side).get(d.getKey()) + person.lean(d.getKey(), weeksAgo)))
                    .sum() / weights;
            double alignment = 100 - risk + outcomeNoise.nextGaussian() * OUTCOME_NOISE;
            for (InstrumentItemView item : version.items()) {
                if (!(side == Side.JAPAN ? item.audience().asksJapan() : item.audience().asksHq())) {
                    continue;
                }
                if (item.outcome()) {
                    form.put("q_" + item.code(), Integer.toString(onTheFence ? 3 : answer(item, alignment, outcomeNoise)));
                    continue;
                }
                double latent = waveMood.get(side).get(item.sign()) + person.lean(item.sign(), weeksAgo);
                form.put("q_" + item.code(), Integer.toString(onTheFence ? 3 : answer(item, latent, random)));
            }
            if (random.nextDouble() < story.commentRate(side, weeksAgo)) {
                // The detail of a comment draws from its own stream, like the outcome answers.
                Random detail = new Random(story.seed() * 1_000_003L + plan.occurrenceDate().toEpochDay()
                        ^ link.email().hashCode() * 0x2545F4914F6CDD1DL);
                form.put("comment", DemoComments.pick(side, link.language(), story.tone(side, weeksAgo, random), random, detail));
            }
            posts.add(new Post(link.token(), form, answeredAt(link.sentAt(), plan.closesAt(),
                    story.neutralShare(side, weeksAgo), random)));
        }
        return posts;
    }

    /**
     * How one person leans on each sign, apart from the mood of their side at the wave, in risk points:
     * a general outlook, a level per sign, and a slow drift of that level (a sine with the person's own
     * period and phase, so it is the same on every replay without keeping state between waves). All
     * items of a sign follow the same lean, so they correlate as real answers do.
     */
    private record Person(double outlook, Map<WarningSign, double[]> signs) {

        static final double OUTLOOK_SD = 8;
        static final double LEVEL_SD = 14;
        static final double DRIFT = 6;

        static Person of(DemoStory story, String email) {
            Random own = new Random(story.seed() ^ email.hashCode());
            double outlook = own.nextGaussian() * OUTLOOK_SD;
            Map<WarningSign, double[]> signs = new EnumMap<>(WarningSign.class);
            for (WarningSign sign : WarningSign.values()) {
                signs.put(sign, new double[]{own.nextGaussian() * LEVEL_SD, own.nextDouble() * 2 * Math.PI,
                        40 + own.nextDouble() * 50});
            }
            return new Person(outlook, signs);
        }

        double lean(WarningSign sign, double weeksAgo) {
            double[] level = signs.get(sign);
            return outlook + level[0] + DRIFT * Math.sin(2 * Math.PI * weeksAgo / level[2] + level[1]);
        }
    }

    /**
     * 1–5 as the person ticks it: risk 0–100 maps onto the scale, plus the noise of reading one item.
     * A reverse-keyed item is worded the other way, so the same view is ticked at the other end.
     */
    private static int answer(InstrumentItemView item, double risk, Random random) {
        long agreement = Math.round(1 + 4 * risk / 100 + random.nextGaussian() * ITEM_NOISE);
        int value = (int) Math.max(1, Math.min(5, agreement));
        return item.reverseKeyed() ? 6 - value : value;
    }

    /** Most answer within a day; the more a side sits on the fence, the longer it takes. */
    private static Instant answeredAt(Instant sentAt, Instant closesAt, double neutral, Random random) {
        double meanHours = 14 + 120 * neutral;
        double hours = -meanHours * Math.log(1 - random.nextDouble());
        Duration delay = Duration.ofMinutes(5 + (long) (hours * 60));
        Instant latest = closesAt.minus(Duration.ofMinutes(30));
        Instant at = sentAt.plus(delay);
        return at.isBefore(latest) ? at : latest;
    }

    private void submitAll(ExecutorService submitters, List<Post> posts) {
        List<Future<Boolean>> done = new ArrayList<>();
        for (Post post : posts) {
            Callable<Boolean> submit = () -> answers.submit(post.token(), post.form(), post.at());
            done.add(submitters.submit(submit));
        }
        try {
            for (Future<Boolean> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo history interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo history: a response was refused", e.getCause());
        }
    }
}
