package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Times travel as "09:00" or "09:00:00" only; the default decoder read 123 as 00:02:03. */
@Singleton
final class StrictLocalTimeDeserializer implements Deserializer<LocalTime> {

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

    @Override
    public LocalTime deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalTime> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be a time such as 09:00");
        if (value == null) {
            return null;
        }
        if (value instanceof String text && TIME.matcher(text).matches()) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new RefusedValueException(type, "must be a time such as 09:00", e);
            }
        }
        throw new RefusedValueException(type, "must be a time such as 09:00", null);
    }
}
