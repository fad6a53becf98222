package com.kakehashi.console.login;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Authenticator;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;

/** Exchanges the credentials for a token, loads who the user is, and hands both to the view. */
public final class LoginPresenter {

    public interface View {
        void showMissingCredentials();

        void showCredentialsRejected();

        void showThrottled();

        void showProblem(ApiProblem problem);

        void signedIn(KakehashiApi api, CurrentUser user);
    }

    private final Authenticator authenticator;
    private final View view;

    public LoginPresenter(Authenticator authenticator, View view) {
        this.authenticator = authenticator;
        this.view = view;
    }

    public void login(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            view.showMissingCredentials();
            return;
        }
        try {
            var api = authenticator.connect(authenticator.login(email.strip(), password));
            view.signedIn(api, api.me());
        } catch (ProblemException e) {
            switch (e.problem().status()) {
                case 400, 401 -> view.showCredentialsRejected();
                case 429 -> view.showThrottled();
                default -> view.showProblem(e.problem());
            }
        }
    }
}
