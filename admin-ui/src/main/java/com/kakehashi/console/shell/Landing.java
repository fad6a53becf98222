package com.kakehashi.console.shell;

import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.PortfolioRecords.TenantSummary;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.TenantRef;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a user arrives after login or on the console's root address. A page asked for before the login
 * (a deep link) wins; otherwise each role gets the page it works from: consultants the Portfolio,
 * operators the list of Clients, an executive their own client's dashboard (not the admin table of
 * clients with time zones and thresholds).
 *
 * <p>An executive who belongs to several clients lands on the one whose latest closed wave is the most
 * recent, as the portfolio (scoped by the backend to their clients) reports it: that is where there is
 * something new to read. Ties and clients without a closed wave fall back to the first client in the
 * backend's order (by name); so does a failed portfolio call, since landing must never fail.
 */
public final class Landing {

    public sealed interface Destination permits Portfolio, Clients, Dashboard, DeepLink {
    }

    public record Portfolio() implements Destination {
    }

    public record Clients() implements Destination {
    }

    public record Dashboard(UUID tenantId) implements Destination {
    }

    /** @param location a path inside the console without the leading slash, possibly with a query */
    public record DeepLink(String location) implements Destination {
    }

    /** The query parameter that carries the page asked for through the login. */
    public static final String NEXT_PARAMETER = "next";

    private Landing() {
    }

    /** After login: the page asked for, when it is a page inside the console, else the role's home. */
    public static Destination afterLogin(CurrentUser user, KakehashiApi api, String requested) {
        return safeDeepLink(requested).<Destination>map(DeepLink::new).orElseGet(() -> home(user, api));
    }

    public static Destination home(CurrentUser user, KakehashiApi api) {
        return switch (user.role()) {
            case OPERATOR -> new Clients();
            case CONSULTANT -> new Portfolio();
            case EXECUTIVE -> executiveHome(user, api);
        };
    }

    private static Destination executiveHome(CurrentUser user, KakehashiApi api) {
        List<TenantRef> tenants = user.tenants();
        if (tenants.isEmpty()) {
            return new Portfolio(); // says in words that there is nothing to show yet
        }
        if (tenants.size() == 1) {
            return new Dashboard(tenants.getFirst().id());
        }
        try {
            List<UUID> order = tenants.stream().map(TenantRef::id).toList();
            Optional<UUID> newest = api.portfolio().stream()
                    .filter(s -> s.latestWaveDate() != null && order.contains(s.tenantId()))
                    .max(Comparator.comparing(TenantSummary::latestWaveDate)
                            .thenComparing(s -> -order.indexOf(s.tenantId())))
                    .map(TenantSummary::tenantId);
            return new Dashboard(newest.orElse(order.getFirst()));
        } catch (ProblemException e) {
            return new Dashboard(tenants.getFirst().id());
        }
    }

    /**
     * Only a relative path inside the console is followed: nothing with a scheme or host (no open redirect),
     * not the login page itself, not the root (which is the landing already).
     */
    static Optional<String> safeDeepLink(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        String location = requested.strip();
        while (location.startsWith("/") && !location.startsWith("//")) {
            location = location.substring(1);
        }
        String path = location.split("[?#]", 2)[0];
        String lower = path.toLowerCase(Locale.ROOT);
        boolean rejected = location.isEmpty() || path.isEmpty() || location.startsWith("/") || location.contains("\\")
                || lower.contains(":") || lower.equals("login") || lower.startsWith("login/")
                || List.of(path.split("/")).contains("..") || location.chars().anyMatch(Character::isISOControl);
        return rejected ? Optional.empty() : Optional.of(location);
    }
}
