package com.kakehashi.console.shell;

import com.kakehashi.console.api.ApiProblem;
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
        var ui = UI.getCurrent();
        if (problem.isUnauthorized()) {
            ConsoleSession.expired(ui);
            return;
        }
        var text = switch (problem.status()) {
            case 403 -> ui.getTranslation("error.forbidden");
            case 404 -> ui.getTranslation("error.notFound");
            case 429 -> ui.getTranslation("error.throttled");
            default -> problem.isUnreachable() ? ui.getTranslation("error.unreachable") : say(ui, problem.message());
        };
        if (!problem.errors().isEmpty()) {
            text += ui.getTranslation("problem.fieldsIntro") + problem.errors().stream()
                    .map(e -> e.property().isEmpty() ? say(ui, e.message())
                            : ui.getTranslation("problem.fieldMessage", ProblemWords.field(e.property(), ui::getTranslation),
                            say(ui, e.message())))
                    .collect(Collectors.joining(ui.getTranslation("problem.fieldsSeparator")));
        }
        error(text);
    }

    /** A backend sentence in the user's language where it is a known one. */
    public static String say(UI ui, String english) {
        return ProblemWords.say(english, ui::getTranslation);
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
                field.setErrorMessage(say(UI.getCurrent(), message));
                field.setInvalid(true);
            }
        });
        if (problem.errors().isEmpty() || !unplaced.isEmpty()) {
            notify(new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), unplaced));
        }
    }
}
