package com.kakehashi.support;

import com.kakehashi.bootstrap.DatabaseBootstrap;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Once per test run, before any application context starts: a fresh kakehashi_test database with
 * the owner and app roles, so every run applies the migrations from zero against real PostgreSQL.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    public static final String DATABASE = "kakehashi_test";
    private static boolean done;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (done) {
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KAKEHASHI_DB_NAME", System.getenv().getOrDefault("KAKEHASHI_TEST_DB", DATABASE));
        DatabaseBootstrap.fromEnvironment(env).recreateDatabase();
        done = true;
    }
}
