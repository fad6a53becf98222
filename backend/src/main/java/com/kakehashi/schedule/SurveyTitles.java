package com.kakehashi.schedule;

/** What respondents read as a schedule's survey name, per language; the engagement's name is internal. */
public record SurveyTitles(String en, String ja) {

    public String in(String language) {
        return "ja".equalsIgnoreCase(language) ? ja : en;
    }
}
