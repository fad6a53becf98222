package com.kakehashi.console.login;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Authenticator;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.shell.Landing;

/** Exchanges the credentials for a token, loads who the user is, and tells the view where they land. */
public final class LoginPresenter {

    public interface View {
        void showMissingCredentials();

        void showCredentialsRejected();

        void showThrottled();

        void showProblem(ApiProblem problem);

        /** @param destination where the user goes now: the page asked for before the login, or their role's home */
        void signedIn(KakehashiApi api, CurrentUser user, Landing.Destination destination);
    }

    private final Authenticator authenticator;
    private final View view;

    public LoginPresenter(Authenticator authenticator, View view) {
        this.authenticator = authenticator;
        this.view = view;
    }

    public void login(String email, String password) {
        login(email, password, null);
    }

    /** @param requested the console page asked for before the login (a deep link), null without one */
    public void login(String email, String password, String requested) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            view.showMissingCredentials();
            return;
        }
        try {
            var api = authenticator.connect(authenticator.login(email.strip(), password));
            var user = api.me();
            view.signedIn(api, user, Landing.afterLogin(user, api, requested));
        } catch (ProblemException e) {
            switch (e.problem().status()) {
                case 400, 401 -> view.showCredentialsRejected();
                case 429 -> view.showThrottled();
                default -> view.showProblem(e.problem());
            }
        }
    }
}
