package com.kakehashi.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChecksTest {

    @Test
    void missingShortRepetitiveOrDemoSecretsAreRefused() {
        assertThat(StartupChecks.weakness(null)).isEqualTo("is not set");
        assertThat(StartupChecks.weakness("  ")).isEqualTo("is not set");
        assertThat(StartupChecks.weakness("short-secret")).contains("shorter than 32");
        assertThat(StartupChecks.weakness("a".repeat(40))).isEqualTo("is too repetitive");
        assertThat(StartupChecks.weakness("kakehashi-demo-secret-not-for-production-use-0123456789")).contains("demo");
    }

    @Test
    void longRandomSecretIsAccepted() {
        assertThat(StartupChecks.weakness("q8Vd3nK1xZp7Lr0TmW4yBc6HsJ2fGe9A5uNo")).isNull();
    }
}
