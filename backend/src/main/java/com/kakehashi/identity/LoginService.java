package com.kakehashi.identity;

import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

@Singleton
class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final JwtIssuer issuer;

    LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, JwtIssuer issuer) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.issuer = issuer;
    }

    LoginResponse login(LoginRequest request, String clientAddress) {
        String email = request.username().trim().toLowerCase(Locale.ROOT);
        throttle.checkAllowed(email, clientAddress);
        Optional<AppUser> user = users.findByEmail(email);
        boolean verified;
        if (user.isPresent()) {
            verified = hasher.matches(request.password(), user.get().passwordHash()) && user.get().active();
        } else {
            hasher.burnEquivalentTime(request.password());
            verified = false;
        }
        if (!verified) {
            throttle.recordFailure(email, clientAddress);
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(email);
        return issuer.issue(user.get());
    }
}
