package com.kakehashi.respond;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentVersionView;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** What the respondent gets to see after a visit or a submission. */
sealed interface Outcome {

    /** Unknown, expired and closed tokens alike: nothing tells them apart. */
    record Unavailable() implements Outcome {
    }

    record AlreadyAnswered(String language) implements Outcome {
    }

    record Thanks(String language) implements Outcome {
    }

    /**
     * The questionnaire, fresh or with the submitted values and a message per bad field.
     *
     * @param selected item code → the submitted value, only if it was valid
     * @param errors   item code (or "comment") → message key and argument
     */
    record Form(Invitee invitee, String language, List<InstrumentItemView> items, @Nullable String commentPrompt,
                Map<String, String> selected, @Nullable String comment, Map<String, AnswerError> errors) implements Outcome {

        boolean invalid() {
            return !errors.isEmpty();
        }
    }

    record AnswerError(String key, @Nullable Integer argument) {
    }

    /** The items a side is asked, in order: Japan gets the Japan wording, HQ and regional staff the HQ one. */
    static List<InstrumentItemView> itemsFor(InstrumentVersionView version, Side side) {
        return version.items().stream()
                .filter(i -> side == Side.JAPAN ? i.audience().asksJapan() : i.audience().asksHq())
                .toList();
    }

    static String text(InstrumentItemView item, Side side, String language) {
        boolean ja = Translations.JA.equals(language);
        if (side == Side.JAPAN) {
            return ja ? item.textJapanJa() : item.textJapanEn();
        }
        return ja ? item.textHqJa() : item.textHqEn();
    }
}
