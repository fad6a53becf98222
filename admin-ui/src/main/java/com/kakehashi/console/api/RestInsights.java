package com.kakehashi.console.api;

import com.kakehashi.console.client.ApiClient;
import com.kakehashi.console.client.ApiException;
import com.kakehashi.console.client.api.AlertsApi;
import com.kakehashi.console.client.api.InsightsApi;
import com.kakehashi.console.client.model.AlertSettings;
import com.kakehashi.console.client.model.AlertView;
import com.kakehashi.console.client.model.InsightViewsSignTrend;
import com.kakehashi.console.client.model.InsightViewsSuppressed;
import com.kakehashi.console.client.model.NewNote;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Insight and alert calls of {@link RestKakehashiApi}, mapped from the generated client's models. */
final class RestInsights {

    private final InsightsApi insights;
    private final AlertsApi alerts;

    RestInsights(ApiClient client) {
        insights = new InsightsApi(client);
        alerts = new AlertsApi(client);
    }

    InsightRecords.Trends trends(UUID tenantId, InsightRecords.TrendFilter filter) throws ApiException {
        var t = insights.insightTrends(tenantId, filter.engagementId() == null ? null : filter.engagementId().toString(),
                null, names(filter.sides()), names(filter.levels()),
                filter.from() == null ? null : filter.from().format(DateTimeFormatter.ISO_LOCAL_DATE),
                filter.to() == null ? null : filter.to().format(DateTimeFormatter.ISO_LOCAL_DATE),
                filter.byLevel() ? null : "false");
        return new InsightRecords.Trends(t.getAnonymityThreshold() == null ? 0 : t.getAnonymityThreshold(),
                t.getSigns() == null ? List.of() : t.getSigns().stream().map(RestInsights::signTrend).toList(),
                t.getCarefulWording() == null ? List.of() : t.getCarefulWording().stream()
                        .map(w -> new InsightRecords.WordingSeries(Side.valueOf(w.getSide().getValue()),
                                w.getCommentThreshold() == null ? 10 : w.getCommentThreshold(),
                                w.getPoints() == null ? List.of() : w.getPoints().stream().map(p -> new InsightRecords.WordingPoint(
                                        p.getWaveId(), p.getOccurrenceDate(), p.getShare(), p.getComments(),
                                        code(p.getSuppressedReason()))).toList()))
                        .toList());
    }

    InsightRecords.Drivers drivers(UUID tenantId, UUID engagementId, java.time.LocalDate from, java.time.LocalDate to)
            throws ApiException {
        var d = insights.insightDrivers(tenantId, engagementId == null ? null : engagementId.toString(), null,
                from == null ? null : from.format(DateTimeFormatter.ISO_LOCAL_DATE),
                to == null ? null : to.format(DateTimeFormatter.ISO_LOCAL_DATE));
        var sides = d.getSides() == null ? List.<InsightRecords.SideDrivers>of() : d.getSides().stream()
                .map(s -> new InsightRecords.SideDrivers(Side.valueOf(s.getSide().getValue()), s.getN() == null ? 0 : s.getN(),
                        s.getrSquared(), s.getrSquaredCi() == null ? null : s.getrSquaredCi().getLow(),
                        s.getrSquaredCi() == null ? null : s.getrSquaredCi().getHigh(),
                        s.getDrivers() == null ? List.of() : s.getDrivers().stream()
                                .map(x -> new InsightRecords.Driver(x.getSign().getValue(), x.getShare(),
                                        x.getCi() == null ? x.getShare() : x.getCi().getLow(),
                                        x.getCi() == null ? x.getShare() : x.getCi().getHigh(), x.getCoefficient()))
                                .toList(),
                        s.getRefusedReason(), s.getRefusedMessage()))
                .toList();
        return new InsightRecords.Drivers(d.getK() == null ? 0 : d.getK(), d.getMinimumN() == null ? 0 : d.getMinimumN(), sides);
    }

    /** Comma-separated enum names, or null (no restriction) for an empty set. */
    private static String names(Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    InsightRecords.WaveThemes themes(UUID tenantId, UUID waveId) throws ApiException {
        var t = insights.insightThemes(tenantId, waveId.toString(), null, null, null, null);
        var wave = t.getWaves() == null ? null : t.getWaves().stream().filter(w -> waveId.equals(w.getWaveId())).findFirst().orElse(null);
        var sides = wave == null || wave.getSides() == null ? List.<InsightRecords.SideThemes>of() : wave.getSides().stream()
                .map(s -> new InsightRecords.SideThemes(Side.valueOf(s.getSide().getValue()), s.getComments(),
                        s.getTerms() == null ? List.of() : s.getTerms().stream()
                                .map(x -> new InsightRecords.Theme(x.getTerm(), x.getLanguage(), x.getComments() == null ? 0 : x.getComments(),
                                        x.getEnglish(), x.getJapanese(), x.getSigns() == null ? List.of()
                                        : x.getSigns().stream().map(Object::toString).toList()))
                                .toList(),
                        code(s.getSuppressedReason())))
                .toList();
        return new InsightRecords.WaveThemes(waveId, t.getCommentThreshold() == null ? 10 : t.getCommentThreshold(),
                t.getMinimumMentions() == null ? 3 : t.getMinimumMentions(), sides);
    }

    InsightRecords.WaveInsight wave(UUID tenantId, UUID waveId) throws ApiException {
        var w = insights.waveInsight(tenantId, waveId);
        var silence = w.getSilence() == null ? List.<InsightRecords.Silence>of() : w.getSilence().stream()
                .map(s -> new InsightRecords.Silence(Side.valueOf(s.getSide().getValue()), zero(s.getInvited()),
                        zero(s.getResponses()), s.getNonResponseRate(), s.getNeutralShare(), s.getComments(),
                        s.getCommentRate(), s.getMedianDelay(), code(s.getSuppressedReason()),
                        s.getCarefulWording() == null ? null : new InsightRecords.CarefulWording(s.getCarefulWording().getComments(),
                                s.getCarefulWording().getShare(), s.getCarefulWording().getCommentThreshold() == null ? 10
                                : s.getCarefulWording().getCommentThreshold(), s.getCarefulWording().getLexiconVersion(),
                                code(s.getCarefulWording().getSuppressedReason()))))
                .toList();
        var comments = w.getComments() == null ? List.<InsightRecords.CommentGroup>of() : w.getComments().stream()
                .map(g -> new InsightRecords.CommentGroup(Side.valueOf(g.getSide().getValue()),
                        g.getComments() == null ? List.of() : g.getComments().stream()
                                .map(c -> new InsightRecords.Comment(c.getText(), c.getLanguage())).toList(),
                        code(g.getSuppressedReason())))
                .toList();
        var reliability = w.getReliability() == null ? List.<InsightRecords.Reliability>of() : w.getReliability().stream()
                .map(r -> new InsightRecords.Reliability(r.getSign(), Side.valueOf(r.getSide().getValue()),
                        r.getItems() == null ? 0 : r.getItems(), r.getN(),
                        r.getMethod() == null ? null : r.getMethod().getValue(), r.getCoefficient(),
                        r.getQuality() == null ? null : r.getQuality().getValue(), code(r.getUnavailable())))
                .toList();
        return new InsightRecords.WaveInsight(w.getWaveId(), w.getOccurrenceDate(), w.getStatus(), w.getClosesAt(),
                w.getAnonymityThreshold() == null ? 0 : w.getAnonymityThreshold(), silence, comments, reliability);
    }

    List<AlertRecords.Alert> alerts(UUID tenantId) throws ApiException {
        return alerts.listAlerts(tenantId, null).stream().map(RestInsights::alert).toList();
    }

    AlertRecords.Alert acknowledge(UUID tenantId, UUID alertId) throws ApiException {
        return alert(alerts.acknowledgeAlert(tenantId, alertId));
    }

    AlertRecords.Alert resolve(UUID tenantId, UUID alertId) throws ApiException {
        return alert(alerts.resolveAlert(tenantId, alertId));
    }

    AlertRecords.Alert annotate(UUID tenantId, UUID alertId, String text) throws ApiException {
        return alert(alerts.annotateAlert(tenantId, alertId, new NewNote().text(text)));
    }

    AlertRecords.Settings settings(UUID tenantId) throws ApiException {
        return settings(alerts.getAlertSettings(tenantId));
    }

    AlertRecords.Settings updateSettings(UUID tenantId, AlertRecords.Settings s) throws ApiException {
        var body = new AlertSettings().riskThreshold(s.riskThreshold()).worseningWaves(s.worseningWaves())
                .gapWaves(s.gapWaves()).gapThreshold(s.gapThreshold()).responseRateDrop(s.responseRateDrop())
                .neutralSharePercent(s.neutralSharePercent()).alpha(s.alpha()).minimumEffect(s.minimumEffect())
                .minimumN(s.minimumN()).clearWaves(s.clearWaves())
                .correction(com.kakehashi.console.client.model.AlertSettingsCorrection.fromValue(s.correction().name()));
        return settings(alerts.updateAlertSettings(tenantId, body));
    }

    private static AlertRecords.Settings settings(AlertSettings s) {
        return new AlertRecords.Settings(s.getRiskThreshold(), s.getWorseningWaves(), s.getGapWaves(), s.getGapThreshold(),
                s.getResponseRateDrop(), s.getNeutralSharePercent(), s.getAlpha(), s.getMinimumEffect(), s.getMinimumN(),
                s.getClearWaves(), AlertRecords.Correction.valueOf(s.getCorrection().getValue()));
    }

    private static AlertRecords.Alert alert(AlertView a) {
        return new AlertRecords.Alert(a.getId(), a.getEngagementId(), a.getWaveId(), a.getOccurrenceDate(),
                a.getRule() == null ? null : a.getRule().getValue(), a.getSign(),
                a.getSide() == null ? null : Side.valueOf(a.getSide().getValue()), a.getSeverity(),
                a.getValue() == null ? 0 : a.getValue(), a.getThreshold() == null ? 0 : a.getThreshold(),
                a.getStatus() == null ? null : AlertRecords.Status.valueOf(a.getStatus().getValue()),
                a.getNotes() == null ? List.of() : a.getNotes().stream()
                        .map(n -> new AlertRecords.Note(n.getAuthor(), n.getText(), n.getCreatedAt())).toList(),
                a.getOpenedOn(),
                a.getHistory() == null ? List.of() : a.getHistory().stream()
                        .map(p -> new AlertRecords.HistoryPoint(p.getOccurrenceDate(), p.getValue(), p.getLow(), p.getHigh(),
                                Boolean.TRUE.equals(p.getFired()), p.getOutcome())).toList(),
                a.getClearWaves() == null ? 0 : a.getClearWaves(), a.getSummaryEn(), a.getSummaryJa(),
                a.getResolvedReason() == null ? null : a.getResolvedReason().getValue());
    }

    private static InsightRecords.SignTrend signTrend(InsightViewsSignTrend s) {
        var series = s.getSeries() == null ? List.<InsightRecords.Series>of() : s.getSeries().stream()
                .map(r -> new InsightRecords.Series(r.getSegment(),
                        r.getSide() == null ? null : Side.valueOf(r.getSide().getValue()),
                        r.getLevel() == null ? null : r.getLevel().getValue(),
                        r.getPoints() == null ? List.of() : r.getPoints().stream().map(p -> new InsightRecords.Point(
                                p.getWaveId(), p.getOccurrenceDate(), p.getValue(), p.getN(),
                                code(p.getSuppressedReason()), message(p.getSuppressedReason()),
                                p.getCi() == null ? null : p.getCi().getLow(), p.getCi() == null ? null : p.getCi().getHigh())).toList()))
                .toList();
        var gaps = s.getGaps() == null ? List.<InsightRecords.GapSeries>of() : s.getGaps().stream()
                .map(g -> new InsightRecords.GapSeries(g.getSegment(), g.getLevel() == null ? null : g.getLevel().getValue(),
                        g.getPoints() == null ? List.of() : g.getPoints().stream().map(p -> new InsightRecords.GapPoint(
                                p.getWaveId(), p.getOccurrenceDate(), p.getHq(), p.getJapan(), p.getGap(),
                                code(p.getSuppressedReason()), message(p.getSuppressedReason()),
                                p.getCi() == null ? null : p.getCi().getLow(), p.getCi() == null ? null : p.getCi().getHigh())).toList()))
                .toList();
        return new InsightRecords.SignTrend(s.getSign(), series, gaps);
    }

    private static String code(InsightViewsSuppressed reason) {
        return reason == null ? null : reason.getCode();
    }

    private static String message(InsightViewsSuppressed reason) {
        return reason == null ? null : reason.getMessage();
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }
}
