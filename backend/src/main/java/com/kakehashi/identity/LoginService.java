package com.kakehashi.identity;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

@Singleton
class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final FailedLoginNotice notice;
    private final JwtIssuer issuer;
    private final LoginMetrics metrics;

    LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, FailedLoginNotice notice,
                 JwtIssuer issuer, LoginMetrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.notice = notice;
        this.issuer = issuer;
        this.metrics = metrics;
    }

    LoginResponse login(LoginRequest request, String clientAddress) {
        String email = request.username().trim().toLowerCase(Locale.ROOT);
        hold(throttle.checkAllowed(email, clientAddress));
        Optional<AppUser> user = users.findByEmail(email);
        boolean verified;
        if (user.isPresent()) {
            verified = hasher.matches(request.password(), user.get().passwordHash()) && user.get().active();
        } else {
            hasher.burnEquivalentTime(request.password());
            verified = false;
        }
        if (!verified) {
            metrics.failed();
            throttle.recordFailure(email, clientAddress)
                    .ifPresent(due -> user.filter(AppUser::active).ifPresent(owner -> notice.tell(owner, due)));
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(email, clientAddress);
        return issuer.issue(user.get());
    }

    /** The account is under attack from elsewhere: a fresh address waits a moment, and is never refused. */
    private static void hold(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a login attempt", e);
        }
    }
}
