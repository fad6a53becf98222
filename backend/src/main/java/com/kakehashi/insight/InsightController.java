package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Insight of one tenant: every member who may enter the tenant may read it (operators, its
 * consultants, its executives; the tenant filter decides who may enter). Values of groups below
 * the tenant's anonymity threshold never leave the backend.
 */
@Controller("/api/v1/tenants/{tenantId}/insights")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@ProblemResponses.TenantScoped
class InsightController {

    private final InsightService insights;
    private final InsightCsv csv;
    private final CommentThemeService themes;

    InsightController(InsightService insights, InsightCsv csv, CommentThemeService themes) {
        this.insights = insights;
        this.csv = csv;
        this.themes = themes;
    }

    @Get("/trends")
    @Operation(operationId = "insightTrends",
            summary = "Per warning sign and segment, a point per wave (suppressed points say why); HQ–Japan gap series; "
                    + "per side, the careful-wording share of each closed wave (hidden below the comment threshold)",
            description = "signs, sides and levels are comma-separated names; from and to are ISO dates of wave occurrences. "
                    + "byLevel=false leaves out every per-level series and gap (only the totals per side and the "
                    + "overall gap): a dashboard over every level needs a fifth of the answer.")
    InsightViews.Trends trends(@PathVariable UUID tenantId, @QueryValue @Nullable String engagementId,
                               @QueryValue @Nullable String signs, @QueryValue @Nullable String sides,
                               @QueryValue @Nullable String levels, @QueryValue @Nullable String from,
                               @QueryValue @Nullable String to, @QueryValue @Nullable String byLevel) {
        return insights.trends(filter(engagementId, signs, sides, levels, from, to), bool("byLevel", byLevel, true));
    }

    private static boolean bool(String field, @Nullable String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, "must be true or false");
        };
    }

    @Get("/waves/{waveId}")
    @Operation(operationId = "waveInsight",
            summary = "Scores per sign and segment, dimensions, perception gaps, silence signals (with careful wording "
                    + "per side, hidden below the comment threshold) and alpha of one wave",
            description = "Every member of the tenant may read it; values of groups below the anonymity threshold never leave the backend.")
    InsightViews.WaveInsight wave(@PathVariable UUID tenantId, @PathVariable UUID waveId) {
        return insights.wave(waveId);
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @Operation(operationId = "exportInsights",
            summary = "The trend filter's aggregates as CSV (UTF-8 with BOM), with the same suppression",
            description = "Takes the same filters as the trends; groups below the anonymity threshold stay empty with their reason. "
                    + "Comment themes are THEME rows: n the side's comments, value the comments mentioning the term, "
                    + "and the term, its language and its signs in the last three columns.")
    HttpResponse<byte[]> export(@PathVariable UUID tenantId, @QueryValue @Nullable String engagementId,
                                @QueryValue @Nullable String signs, @QueryValue @Nullable String sides,
                                @QueryValue @Nullable String levels, @QueryValue @Nullable String from,
                                @QueryValue @Nullable String to) {
        InsightService.Filter filter = filter(engagementId, signs, sides, levels, from, to);
        byte[] body = csv.write(insights.waves(filter), themes.themes(new CommentThemeService.Filter(null, filter)), filter);
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"insights.csv\"");
    }

    /** The filters every insight endpoint shares, each bad one a 400 naming its parameter. */
    static InsightService.Filter filter(@Nullable String engagementId, @Nullable String signs,
                                                @Nullable String sides, @Nullable String levels,
                                                @Nullable String from, @Nullable String to) {
        UUID engagement = null;
        if (engagementId != null && !engagementId.isBlank()) {
            try {
                engagement = UUID.fromString(engagementId.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("engagementId", "must be a UUID");
            }
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return new InsightService.Filter(engagement, names("signs", signs, WarningSign.class, WarningSign::valueOf),
                names("sides", sides, Side.class, Side::valueOf), names("levels", levels, Level.class, Level::valueOf), start, end);
    }

    static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (YYYY-MM-DD)");
        }
    }

    static <E extends Enum<E>> Set<E> names(String field, @Nullable String value, Class<E> type,
                                                    Function<String, E> parse) {
        Set<E> result = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                result.add(parse.apply(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "unknown value; one of " + EnumSet.allOf(type));
            }
        }
        return result;
    }
}
