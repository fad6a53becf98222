package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every JSON text the API reads: only a JSON string is text (not 123, true, {} or ["x"]), and it
 * must pass {@link Text}; line breaks only where the property is {@link MultiLine}.
 */
@Singleton
final class StrictTextDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be text");
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new RefusedValueException(type, "must be text", null);
        }
        var refusal = Text.refusal(text, type.getAnnotationMetadata().hasAnnotation(MultiLine.class));
        if (refusal.isPresent()) {
            throw new RefusedValueException(type, refusal.get(), null);
        }
        return text;
    }
}
