package com.kakehashi.insight;

import com.kakehashi.insight.InsightStore.WaveRow;
import com.kakehashi.insight.InsightViews.Suppressed;
import com.kakehashi.insight.Suppression.Cause;
import com.kakehashi.insight.ThemeViews.SideThemes;
import com.kakehashi.insight.ThemeViews.Themes;
import com.kakehashi.insight.ThemeViews.WaveThemes;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wave.WaveService;
import com.kakehashi.wave.WaveStatus;
import com.kakehashi.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Comment themes of the tenant in context: per wave of the filter and side, the top content terms of
 * the comments (closed waves only, as careful wording). Decided per wave over all its sides before
 * the side filter applies, so two requests that differ in sides, period or wave show the same terms
 * for the same wave and side, or none.
 */
@Singleton
public class CommentThemeService {

    /** @param waveId one wave (then the period and engagement are not read); empty sides: all */
    public record Filter(@Nullable UUID waveId, InsightService.Filter period) {
    }

    private final InsightStore store;
    private final TenantService tenants;
    private final WaveService waveService;
    private final CommentThemeFigures figures;

    CommentThemeService(InsightStore store, TenantService tenants, WaveService waves, CommentThemeFigures figures) {
        this.store = store;
        this.tenants = tenants;
        this.waveService = waves;
        this.figures = figures;
    }

    @Transactional
    public Themes themes(Filter filter) {
        // The one place the comment threshold is read: careful wording's, so both hide the same sides.
        int threshold = tenants.commentThreshold();
        List<WaveRow> waves;
        if (filter.waveId() != null) {
            waves = waveService.summary(filter.waveId()).map(WaveRow::of).stream().toList();
            if (waves.isEmpty()) {
                throw new NotFoundException("wave");
            }
        } else {
            InsightService.Filter p = filter.period();
            waves = waveService.summaries(p.engagementId(), p.from(), p.to()).stream().map(WaveRow::of).toList();
        }
        Map<UUID, Long> commentsPerClosedWave = new HashMap<>();
        List<UUID> closed = waves.stream().filter(w -> w.status() != WaveStatus.OPEN).map(WaveRow::id).toList();
        for (InsightStore.SilenceRow row : store.silence(closed)) {
            commentsPerClosedWave.merge(row.waveId(), row.comments(), Long::sum);
        }
        Map<UUID, Map<Side, SideThemes>> decided = commentsPerClosedWave.isEmpty() ? Map.of() : figures.of(commentsPerClosedWave, threshold);
        List<WaveThemes> result = new ArrayList<>();
        for (WaveRow wave : waves) {
            List<SideThemes> sides = new ArrayList<>();
            for (Side side : Side.values()) {
                if (!filter.period().includes(side, null)) {
                    continue;
                }
                Suppressed none = wave.status() == WaveStatus.OPEN ? Suppressed.of(Cause.WAVE_OPEN)
                        : new Suppressed("NO_COMMENTS", "no comments");
                sides.add(decided.getOrDefault(wave.id(), Map.of()).getOrDefault(side, CommentThemeFigures.hidden(side, none)));
            }
            result.add(new WaveThemes(wave.id(), wave.occurrenceDate(), wave.status().name(), sides));
        }
        return new Themes(figures.lexiconVersion(), threshold, CommentThemeFigures.MINIMUM_MENTIONS,
                CommentThemeFigures.TOP, result);
    }
}
