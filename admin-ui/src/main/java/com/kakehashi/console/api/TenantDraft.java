package com.kakehashi.console.api;

/** What the console sends to create a tenant; a null threshold lets the backend apply its default. */
public record TenantDraft(String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName,
                          Integer anonymityThreshold, Integer commentThreshold) {

    public TenantDraft(String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName, Integer anonymityThreshold) {
        this(name, hqCountry, hqTimeZone, japanSubsidiaryName, anonymityThreshold, null);
    }
}
