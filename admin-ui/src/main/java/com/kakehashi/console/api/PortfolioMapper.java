package com.kakehashi.console.api;

import com.kakehashi.console.client.model.PortfolioViewsSignRisk;
import com.kakehashi.console.client.model.PortfolioViewsTenantSummary;

import java.util.List;

/** Generated portfolio models to the console's records (next to {@link ModelMapper}, which it keeps small). */
final class PortfolioMapper {

    private PortfolioMapper() {
    }

    static PortfolioRecords.TenantSummary summary(PortfolioViewsTenantSummary s) {
        var wave = s.getLatestWave();
        var gap = s.getWidestGap();
        var alerts = s.getOpenAlerts();
        var attention = s.getAttention();
        List<PortfolioRecords.SideRate> sides = wave == null || wave.getSides() == null ? List.of() : wave.getSides().stream()
                .map(r -> new PortfolioRecords.SideRate(Side.valueOf(r.getSide().getValue()), nz(r.getInvited()),
                        nz(r.getResponses()), r.getResponseRate()))
                .toList();
        List<PortfolioRecords.SignRisk> signs = s.getSigns() == null ? List.of()
                : s.getSigns().stream().map(PortfolioMapper::sign).toList();
        List<PortfolioRecords.Reason> reasons = attention == null || attention.getReasons() == null ? List.of()
                : attention.getReasons().stream().map(r -> new PortfolioRecords.Reason(r.getCode(), r.getMessage(),
                        r.getPoints() == null ? 0 : r.getPoints(), r.getFigures())).toList();
        return new PortfolioRecords.TenantSummary(s.getTenantId(), s.getName(),
                s.getAnonymityThreshold() == null ? 0 : s.getAnonymityThreshold(),
                wave == null ? null : wave.getOccurrenceDate(), wave == null ? null : wave.getResponseRate(), sides, signs,
                gap == null ? null : gap.getSign(), gap == null ? null : gap.getGap(),
                alerts == null || alerts.getTotal() == null ? 0 : alerts.getTotal(),
                alerts == null || alerts.getHigh() == null ? 0 : alerts.getHigh(),
                attention == null || attention.getScore() == null ? 0 : attention.getScore(), reasons);
    }

    private static PortfolioRecords.SignRisk sign(PortfolioViewsSignRisk r) {
        var hidden = r.getSuppressedReason();
        var noTrend = r.getTrendUnavailable();
        return new PortfolioRecords.SignRisk(r.getSign(), Side.valueOf(r.getSide().getValue()), r.getValue(),
                hidden == null ? null : hidden.getCode(), hidden == null ? null : hidden.getMessage(), r.getPrevious(),
                r.getTrend() == null ? null : PortfolioRecords.Trend.valueOf(r.getTrend().getValue()),
                noTrend == null ? null : noTrend.getCode(), noTrend == null ? null : noTrend.getMessage(),
                r.getChange(), r.getP(), r.getTrendReason());
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
