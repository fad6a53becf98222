package com.kakehashi.identity;

import com.kakehashi.web.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** One answer for an unknown email, a wrong password and a disabled account: no enumeration. */
final class InvalidCredentialsException extends ApiException {

    InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "The email or password is not correct.", List.of());
    }
}
