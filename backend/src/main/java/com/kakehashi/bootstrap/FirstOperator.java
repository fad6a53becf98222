package com.kakehashi.bootstrap;

import com.kakehashi.identity.NewUser;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A production database starts without users; the first operator comes from
 * KAKEHASHI_FIRST_OPERATOR_EMAIL and KAKEHASHI_FIRST_OPERATOR_PASSWORD, once, when no user exists.
 * Remove the variables after the first start.
 */
@Singleton
class FirstOperator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstOperator.class);

    private final UserService users;
    private final String email;
    private final String password;

    FirstOperator(UserService users,
                  @Value("${kakehashi.first-operator.email}") String email,
                  @Value("${kakehashi.first-operator.password}") String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (email.isBlank() || !users.list().isEmpty()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("KAKEHASHI_FIRST_OPERATOR_PASSWORD must have at least 12 characters");
        }
        try {
            users.create(new NewUser(email, "Operator", Role.OPERATOR, password));
        } catch (InvalidInputException e) {
            throw new IllegalStateException("KAKEHASHI_FIRST_OPERATOR_PASSWORD " + e.errors().get(0).message(), e);
        }
        LOG.info("Created the first operator account");
    }
}
