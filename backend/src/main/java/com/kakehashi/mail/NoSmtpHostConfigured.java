package com.kakehashi.mail;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/** True when {@code kakehashi.mail.smtp.host} is unset or blank (the demo mailbox then stands in). */
public final class NoSmtpHostConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return true;
        }
        return properties.getProperty("kakehashi.mail.smtp.host", String.class).map(String::isBlank).orElse(true);
    }
}
