package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;

/**
 * A JSON value refused by one of the strict deserializers, with the property it was meant for and a
 * reason fit for the client. The rejected value is deliberately not kept (it may be a password or
 * megabytes long).
 */
final class RefusedValueException extends InvalidPropertyFormatException {

    private final String reason;

    RefusedValueException(Argument<?> property, String reason, Exception cause) {
        super(new InvalidFormatException(reason, cause, null), property);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
