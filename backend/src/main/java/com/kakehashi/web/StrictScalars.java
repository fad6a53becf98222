package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;

import java.io.IOException;

/**
 * Reads one JSON value as it is, so the strict deserializers can refuse the wrong JSON type instead
 * of letting the decoder coerce it (serde-jackson 2.x turns "BOGUS" and 123 into booleans, numbers
 * into text and ["x"] into "x", and has no setting to stop it; serde 3.2 adds one).
 */
final class StrictScalars {

    private StrictScalars() {
    }

    /** The value as String, Number, Boolean, List, Map or null; a structure too deep to read is refused. */
    static Object read(Decoder decoder, Argument<?> property, String expected) throws IOException {
        try {
            return decoder.decodeArbitrary();
        } catch (IOException e) {
            throw new RefusedValueException(property, expected, e);
        }
    }
}
