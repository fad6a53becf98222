package com.kakehashi.alert;

/** What an alert says; the English and Japanese labels go into the consultants' mail. */
public enum AlertRule {
    SIGN_ABOVE_THRESHOLD("Warning sign above threshold", "警告サインが閾値を超過"),
    SIGN_WORSENING("Warning sign worsening wave after wave", "警告サインが連続して悪化"),
    GAP_WIDENING("HQ–Japan perception gap widening", "本社と日本の認識ギャップが拡大"),
    RESPONSE_RATE_DROP("Side going silent: response rate dropped", "沈黙の兆候：回答率が低下"),
    NEUTRAL_SHARE_HIGH("Side going silent: many neutral answers", "沈黙の兆候：中立回答が多い"),
    CAREFUL_WORDING_RISING("Side going silent: careful wording rising", "沈黙の兆候：慎重な言い回しが増加");

    final String english;
    final String japanese;

    AlertRule(String english, String japanese) {
        this.english = english;
        this.japanese = japanese;
    }
}
