package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/** Only a JSON whole number in range: not "12", not 1.5 (once silently 1), not true. */
@Singleton
final class StrictIntegerDeserializer implements Deserializer<Integer> {

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be a whole number");
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new RefusedValueException(type, "must be a whole number between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE, null);
            }
        }
        throw new RefusedValueException(type, "must be a whole number", null);
    }
}
