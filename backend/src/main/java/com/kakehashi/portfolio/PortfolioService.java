package com.kakehashi.portfolio;

import com.kakehashi.alert.AlertSettings;
import com.kakehashi.identity.Caller;
import com.kakehashi.insight.InsightViews.WaveInsight;
import io.micronaut.core.annotation.Nullable;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantService;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The caller's portfolio. Which tenants: exactly those {@link TenantService#visibleTo} lists (operators
 * all, everyone else their memberships), the same rule the tenant URLs enforce. Each tenant is read
 * in its own tenant context, because Row Level Security shows a connection one tenant at a time.
 */
@Singleton
public class PortfolioService {

    private final TenantService tenants;
    private final TenantSummaries summaries;

    PortfolioService(TenantService tenants, TenantSummaries summaries) {
        this.tenants = tenants;
        this.summaries = summaries;
    }

    /**
     * The portfolio's sign values and arrows for one wave against the one before it, by the same
     * rule as the portfolio (for measuring how many of a history's changes would get an arrow).
     */
    public static List<PortfolioViews.SignRisk> signRisks(WaveInsight latest, @Nullable WaveInsight previous,
                                                           AlertSettings settings) {
        return TenantSummaries.signs(latest, previous, settings);
    }

    public List<PortfolioViews.TenantSummary> visibleTo(Caller caller) {
        List<PortfolioViews.TenantSummary> result = new ArrayList<>();
        for (var tenant : tenants.visibleTo(caller)) {
            result.add(TenantContext.callAs(tenant.id(), () -> summaries.summarise()));
        }
        result.sort(Comparator.comparingInt((PortfolioViews.TenantSummary s) -> s.attention().score()).reversed()
                .thenComparing(PortfolioViews.TenantSummary::name, String.CASE_INSENSITIVE_ORDER));
        return result;
    }
}
