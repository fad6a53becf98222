package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serde;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates travel as ISO strings ("2027-04-01") only. The default decoder also takes a number as an
 * epoch day, so a client sending 20270401 got a date in the year 57441 instead of a 400.
 */
@Singleton
final class StrictLocalDateSerde implements Serde<LocalDate> {

    @Override
    public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        String text;
        try {
            text = decoder.decodeString();
        } catch (IOException e) {
            throw notADate(type, null, e);
        }
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw notADate(type, text, null);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw notADate(type, text, e);
        }
    }

    /** Carries the property (the argument's name) so the problem response can name the field. */
    private static InvalidPropertyFormatException notADate(Argument<?> type, Object value, Exception cause) {
        return new InvalidPropertyFormatException(
                new InvalidFormatException("must be a date such as 2027-04-01", cause, value), type);
    }

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends LocalDate> type, LocalDate value) throws IOException {
        encoder.encodeString(value.toString());
    }
}
