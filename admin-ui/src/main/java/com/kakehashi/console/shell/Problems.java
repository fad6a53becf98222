package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.login.LoginView;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.Map;
import java.util.stream.Collectors;

/** Shows problems answered by the backend: on the fields they name, otherwise as a notification. */
public final class Problems {

    private Problems() {
    }

    public static void notify(ApiProblem problem) {
        if (problem.isUnauthorized()) {
            // The token expired or was revoked: the session is of no further use.
            ConsoleSession.end();
            UI.getCurrent().navigate(LoginView.class);
            return;
        }
        var ui = UI.getCurrent();
        var text = switch (problem.status()) {
            case 403 -> ui.getTranslation("error.forbidden");
            case 404 -> ui.getTranslation("error.notFound");
            case 429 -> ui.getTranslation("error.throttled");
            default -> problem.isUnreachable() ? ui.getTranslation("error.unreachable") : problem.message();
        };
        if (!problem.errors().isEmpty()) {
            text += ": " + problem.errors().stream()
                    .map(e -> e.property().isEmpty() ? translated(e.message()) : e.property() + ": " + translated(e.message()))
                    .collect(Collectors.joining("; "));
        }
        error(text);
    }

    /** A backend validation message in the user's language (see {@link ValidationMessages}). */
    public static String translated(String message) {
        var ui = UI.getCurrent();
        return ui == null ? message : ValidationMessages.translate(message, (key, params) -> ui.getTranslation(key, params));
    }

    public static void error(String text) {
        var notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
    }

    public static void success(String text) {
        var notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * Marks the fields the problem names; anything it cannot place on a field still reaches the user as a
     * notification.
     */
    public static void showOnFields(ApiProblem problem, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        var unplaced = problem.errors().stream().filter(e -> !fields.containsKey(e.property())).toList();
        problem.fieldMessages().forEach((property, message) -> {
            var field = fields.get(property);
            if (field != null) {
                field.setErrorMessage(translated(message));
                field.setInvalid(true);
            }
        });
        if (problem.errors().isEmpty() || !unplaced.isEmpty()) {
            notify(new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), unplaced));
        }
    }
}
