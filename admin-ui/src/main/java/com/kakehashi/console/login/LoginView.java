package com.kakehashi.console.login;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.shell.ConsoleContext;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Landing;
import com.kakehashi.console.shell.LandingView;
import com.kakehashi.console.shell.Languages;
import com.kakehashi.console.shell.OpenWithoutLogin;
import com.kakehashi.console.shell.Problems;
import com.kakehashi.console.shell.Routes;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

@Route(Routes.LOGIN)
@OpenWithoutLogin
public class LoginView extends VerticalLayout implements LoginPresenter.View, HasDynamicTitle, BeforeEnterObserver {

    private final EmailField email = new EmailField(getTranslation("login.email"));
    private final PasswordField password = new PasswordField(getTranslation("login.password"));
    private final Div message = new Div();
    private final LoginPresenter presenter;
    private String requested;

    public LoginView() {
        presenter = new LoginPresenter(ConsoleContext.authenticator(), this);
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        email.setId("login-email");
        email.setWidthFull();
        email.setAutofocus(true);
        password.setId("login-password");
        password.setWidthFull();
        message.setId("login-message");
        message.addClassName("login-message");

        var submit = new Button(getTranslation("login.submit"), e -> presenter.login(email.getValue(), password.getValue(), requested));
        submit.setId("login-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setWidthFull();
        submit.addClickShortcut(Key.ENTER);

        var language = new Button(getTranslation("language.toggle"), e -> Languages.toggle(UI.getCurrent()));
        language.setId("language-toggle");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var card = new VerticalLayout(new H1(getTranslation("app.title")), new Paragraph(getTranslation("login.intro")),
                email, password, message, submit, language);
        card.addClassName("login-card");
        card.setPadding(true);
        card.setAlignItems(Alignment.STRETCH);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (ConsoleSession.current().isPresent()) {
            event.forwardTo(LandingView.class);
            return;
        }
        requested = event.getLocation().getQueryParameters().getSingleParameter(Landing.NEXT_PARAMETER).orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    @Override
    public void showMissingCredentials() {
        message.setText(getTranslation("login.missing"));
    }

    @Override
    public void showCredentialsRejected() {
        password.clear();
        message.setText(getTranslation("login.rejected"));
    }

    @Override
    public void showThrottled() {
        message.setText(getTranslation("login.throttled"));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        message.setText(Problems.say(UI.getCurrent(), problem.message()));
    }

    @Override
    public void signedIn(KakehashiApi api, CurrentUser user, Landing.Destination destination) {
        ConsoleSession.start(new ConsoleSession(api, user));
        LandingView.navigate(UI.getCurrent(), destination);
    }
}
