package com.kakehashi.insight;

import com.kakehashi.insight.DriverViews.Driver;
import com.kakehashi.insight.DriverViews.Drivers;
import com.kakehashi.insight.DriverViews.SideDrivers;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.ItemKey;
import com.kakehashi.survey.OutcomeItem;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveStatus;
import com.kakehashi.wave.WaveSummary;
import com.kakehashi.wave.WaveWindow;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Key drivers of alignment for the tenant in context: per side, the outcome score (mean of the
 * OUTCOME items, 0–100, higher = more aligned) of each response regressed on its nine sign scores
 * (0–100 risk, as in the rollups), and R² split among the signs by the Shapley/LMG decomposition
 * ({@link KeyDrivers}), with bootstrap intervals. docs/measurement.md, "Key drivers (LMG)".
 * <p>
 * What leaves the backend is about groups, never a person: only closed waves (their responses never
 * change), and a wave's responses of a side enter only when at least k of them are complete; so two
 * requests (any filters) differ by whole groups of at least k responses, and a side needs at least
 * max(minimum n, k) rows before anything is estimated.
 */
@Singleton
public class KeyDriverService {

    /** Filters of the drivers endpoint; an empty side set means HQ and Japan (and regional staff if any answered). */
    public record Filter(@Nullable UUID engagementId, Set<Side> sides, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    static final String BELOW_MINIMUM_N = "BELOW_MINIMUM_N";
    static final String NO_OUTCOME = "NO_OUTCOME";
    static final String NO_OUTCOME_VARIANCE = "NO_OUTCOME_VARIANCE";
    /** The same resamples for the same data: a repeated request cannot average the bootstrap's noise away. */
    private static final long SEED = 20261205L;
    private static final List<WarningSign> SIGNS = List.of(WarningSign.values());

    private final DriverStore store;
    private final TenantService tenants;
    private final WaveService waves;
    private final InstrumentService instruments;
    private final int minimumN;
    private final int resamples;

    KeyDriverService(DriverStore store, TenantService tenants, WaveService waves, InstrumentService instruments,
                     @Value("${kakehashi.insights.drivers.minimum-n:30}") int minimumN,
                     @Value("${kakehashi.insights.drivers.resamples:1000}") int resamples) {
        this.store = store;
        this.tenants = tenants;
        this.waves = waves;
        this.instruments = instruments;
        this.minimumN = minimumN;
        this.resamples = resamples;
    }

    @Transactional
    public Drivers drivers(Filter filter) {
        int k = tenants.current().anonymityThreshold();
        List<UUID> closed = waves.summaries(filter.engagementId(), filter.from(), filter.to()).stream()
                .filter(w -> w.status() == WaveStatus.CLOSED).map(WaveSummary::id).toList();
        Map<UUID, WaveWindow> windows = waves.windows(closed);
        List<UUID> versions = windows.values().stream().map(WaveWindow::instrumentVersionId).distinct().toList();
        Map<UUID, Map<String, ItemKey>> signKeys = instruments.itemKeys(versions).stream()
                .collect(Collectors.groupingBy(ItemKey::versionId, Collectors.toMap(ItemKey::code, i -> i)));
        Map<UUID, Map<String, OutcomeItem>> outcomeKeys = instruments.outcomeItems(versions).stream()
                .collect(Collectors.groupingBy(OutcomeItem::versionId, Collectors.toMap(OutcomeItem::code, i -> i)));
        List<UUID> asked = closed.stream().filter(w -> windows.containsKey(w)
                && outcomeKeys.containsKey(windows.get(w).instrumentVersionId())).toList();

        Set<Side> requested = filter.sides().isEmpty() ? EnumSet.allOf(Side.class) : filter.sides();
        List<DriverStore.Answer> answers = store.answers(asked, requested.stream().map(Enum::name).toList());

        // side → wave → complete rows (nine sign scores, then the outcome); incomplete responses counted per side
        Map<Side, Map<UUID, List<double[]>>> rows = new EnumMap<>(Side.class);
        Map<Side, Integer> incomplete = new HashMap<>();
        int from = 0;
        while (from < answers.size()) {
            int to = from;
            UUID response = answers.get(from).responseId();
            while (to < answers.size() && answers.get(to).responseId().equals(response)) {
                to++;
            }
            DriverStore.Answer first = answers.get(from);
            Side side = Side.valueOf(first.side());
            UUID version = windows.get(first.waveId()).instrumentVersionId();
            double[] row = score(answers.subList(from, to), signKeys.getOrDefault(version, Map.of()),
                    outcomeKeys.getOrDefault(version, Map.of()));
            if (row == null) {
                incomplete.merge(side, 1, Integer::sum);
            } else {
                rows.computeIfAbsent(side, s -> new LinkedHashMap<>()).computeIfAbsent(first.waveId(), w -> new ArrayList<>()).add(row);
            }
            from = to;
        }

        List<Side> shown = new ArrayList<>();
        for (Side side : Side.values()) {
            boolean byDefault = side != Side.REGIONAL || rows.containsKey(side) || incomplete.containsKey(side);
            if (requested.contains(side) && (!filter.sides().isEmpty() || byDefault)) {
                shown.add(side);
            }
        }
        int threshold = Math.max(minimumN, k);
        List<SideDrivers> result = new ArrayList<>();
        for (Side side : shown) {
            List<double[]> sample = new ArrayList<>();
            int wavesIn = 0;
            int wavesBelowK = 0;
            for (List<double[]> wave : rows.getOrDefault(side, Map.of()).values()) {
                if (wave.size() >= k) {
                    sample.addAll(wave);
                    wavesIn++;
                } else {
                    wavesBelowK++;
                }
            }
            result.add(analyse(side, sample, wavesIn, wavesBelowK, incomplete.getOrDefault(side, 0), threshold,
                    asked.isEmpty()));
        }
        return new Drivers(k, minimumN, resamples, filter.engagementId(), filter.from(), filter.to(), result);
    }

    private SideDrivers analyse(Side side, List<double[]> sample, int wavesIn, int wavesBelowK, int incomplete,
                                int threshold, boolean noOutcome) {
        int n = sample.size();
        if (noOutcome) {
            return refused(side, n, wavesIn, wavesBelowK, incomplete, null, NO_OUTCOME,
                    "no closed wave in this filter asked the outcome items");
        }
        if (n < threshold) {
            return refused(side, n, wavesIn, wavesBelowK, incomplete, null, BELOW_MINIMUM_N,
                    "fewer than " + threshold + " complete responses: too few to say what drives alignment");
        }
        double[][] x = new double[n][SIGNS.size()];
        double[] y = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(sample.get(i), 0, x[i], 0, SIGNS.size());
            y[i] = sample.get(i)[SIGNS.size()];
            sum += y[i];
        }
        double mean = sum / n;
        if (java.util.Arrays.stream(y).allMatch(v -> v == y[0])) {
            return refused(side, n, wavesIn, wavesBelowK, incomplete, mean, NO_OUTCOME_VARIANCE,
                    "every response gave the same outcome: nothing to explain");
        }
        KeyDrivers.Bootstrapped fit = KeyDrivers.bootstrap(x, y, resamples, SEED + side.ordinal());
        double r2 = fit.point().rSquared();
        List<Driver> drivers = new ArrayList<>();
        for (int j = 0; j < SIGNS.size(); j++) {
            double share = fit.point().shares()[j];
            double slope = fit.point().coefficients()[j];
            drivers.add(new Driver(SIGNS.get(j), share, r2 > 0 ? share / r2 : 0,
                    new InsightViews.Interval(fit.shares()[j].low(), fit.shares()[j].high()),
                    Double.isFinite(slope) ? slope : null));
        }
        drivers.sort(Comparator.comparingDouble(Driver::share).reversed());
        return new SideDrivers(side, n, wavesIn, wavesBelowK, incomplete, mean, r2,
                new InsightViews.Interval(fit.rSquared().low(), fit.rSquared().high()), drivers, null, null);
    }

    private static SideDrivers refused(Side side, int n, int wavesIn, int wavesBelowK, int incomplete,
                                       @Nullable Double mean, String reason, String message) {
        // The mean outcome is an aggregate of the same rows: shown only where drivers could be.
        return new SideDrivers(side, n, wavesIn, wavesBelowK, incomplete,
                BELOW_MINIMUM_N.equals(reason) ? null : mean, null, null, List.of(), reason, message);
    }

    /**
     * One response as a row: the nine sign scores and the outcome, each (mean after reverse keying − 1)
     * / 4 × 100 over the items of it that were answered; null when a sign or the outcome has no answer
     * (listwise deletion).
     */
    private static double @Nullable [] score(List<DriverStore.Answer> answers, Map<String, ItemKey> signs,
                                              Map<String, OutcomeItem> outcome) {
        double[] sum = new double[SIGNS.size() + 1];
        int[] count = new int[SIGNS.size() + 1];
        for (DriverStore.Answer a : answers) {
            ItemKey key = signs.get(a.itemCode());
            if (key != null) {
                int j = key.sign().ordinal();
                sum[j] += key.reverseKeyed() ? 6 - a.value() : a.value();
                count[j]++;
                continue;
            }
            OutcomeItem item = outcome.get(a.itemCode());
            if (item != null) {
                sum[SIGNS.size()] += item.reverseKeyed() ? 6 - a.value() : a.value();
                count[SIGNS.size()]++;
            }
        }
        double[] row = new double[SIGNS.size() + 1];
        for (int j = 0; j <= SIGNS.size(); j++) {
            if (count[j] == 0) {
                return null;
            }
            row[j] = 25 * (sum[j] / count[j] - 1);
        }
        return row;
    }
}
