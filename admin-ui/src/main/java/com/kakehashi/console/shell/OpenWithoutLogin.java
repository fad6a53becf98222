package com.kakehashi.console.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one page the login guard ({@link ConsoleServiceInitListener}) lets through without a signed-in user:
 * the login itself. An annotation rather than a class comparison, so the guard need not know the login page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenWithoutLogin {
}
