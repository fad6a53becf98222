package com.kakehashi.console.login;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Authenticator;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.shell.Landing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginPresenterTest {

    private final CurrentUser consultant = Fixtures.consultant();
    private final FakeKakehashiApi api = Fixtures.apiFor(consultant);
    private final RecordingView view = new RecordingView();

    @Test
    void signsInWithTheTokenTheBackendIssuedAndTheUserItDescribes() {
        var auth = new StubAuthenticator("kakehashi-demo", null);
        new LoginPresenter(auth, view).login("  consultant@kakehashi.example ", "kakehashi-demo");

        assertEquals("consultant@kakehashi.example", auth.lastEmail, "the email is sent trimmed");
        assertEquals("token-1", auth.connectedWith);
        assertSame(api, view.api);
        assertEquals(consultant, view.user);
    }

    @Test
    void aConsultantLandsOnThePortfolio() {
        new LoginPresenter(new StubAuthenticator("x", null), view).login("consultant@kakehashi.example", "x");

        assertEquals(new Landing.Portfolio(), view.destination);
    }

    @Test
    void aDeepLinkAskedForBeforeTheLoginOpensAfterIt() {
        new LoginPresenter(new StubAuthenticator("x", null), view)
                .login("consultant@kakehashi.example", "x", "tenants/" + Fixtures.NORTHWIND.id() + "?tab=waves");

        assertEquals(new Landing.DeepLink("tenants/" + Fixtures.NORTHWIND.id() + "?tab=waves"), view.destination);
    }

    @Test
    void tellsTheUserWhenTheBackendRejectsTheCredentials() {
        new LoginPresenter(new StubAuthenticator("right", null), view).login("consultant@kakehashi.example", "wrong");

        assertEquals(List.of("rejected"), view.events);
        assertNull(view.user);
    }

    @Test
    void tellsTheUserToWaitWhenLoginIsThrottled() {
        new LoginPresenter(new StubAuthenticator("x", ApiProblem.of(429, "Too Many Requests")), view).login("a@b.c", "x");

        assertEquals(List.of("throttled"), view.events);
    }

    @Test
    void asksForBothFieldsWithoutCallingTheBackend() {
        var auth = new StubAuthenticator("x", null);
        new LoginPresenter(auth, view).login(" ", "");

        assertEquals(List.of("missing"), view.events);
        assertNull(auth.lastEmail);
    }

    @Test
    void showsOtherProblemsAsTheyCame() {
        var unreachable = new ApiProblem(ApiProblem.UNREACHABLE, "down", 503, null, List.of());
        new LoginPresenter(new StubAuthenticator("x", unreachable), view).login("a@b.c", "x");

        assertEquals(List.of("problem 503"), view.events);
        assertTrue(view.events.stream().noneMatch(e -> e.equals("rejected")));
    }

    private final class StubAuthenticator implements Authenticator {
        private final String password;
        private final ApiProblem failure;
        String lastEmail;
        String connectedWith;

        StubAuthenticator(String password, ApiProblem failure) {
            this.password = password;
            this.failure = failure;
        }

        @Override
        public String login(String email, String password) {
            lastEmail = email;
            if (failure != null) {
                throw new ProblemException(failure);
            }
            if (!this.password.equals(password)) {
                throw new ProblemException(ApiProblem.of(401, "Unauthorized"));
            }
            return "token-1";
        }

        @Override
        public KakehashiApi connect(String accessToken) {
            connectedWith = accessToken;
            return api;
        }
    }

    private static final class RecordingView implements LoginPresenter.View {
        final List<String> events = new ArrayList<>();
        KakehashiApi api;
        CurrentUser user;
        Landing.Destination destination;

        @Override
        public void showMissingCredentials() {
            events.add("missing");
        }

        @Override
        public void showCredentialsRejected() {
            events.add("rejected");
        }

        @Override
        public void showThrottled() {
            events.add("throttled");
        }

        @Override
        public void showProblem(ApiProblem problem) {
            events.add("problem " + problem.status());
        }

        @Override
        public void signedIn(KakehashiApi api, CurrentUser user, Landing.Destination destination) {
            this.api = api;
            this.user = user;
            this.destination = destination;
        }
    }
}
