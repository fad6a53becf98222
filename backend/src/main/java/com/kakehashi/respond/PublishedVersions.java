package com.kakehashi.respond;

import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Published instrument versions for the respondent pages, kept in memory: a published version
 * never changes (the database refuses it), so every respondent of a wave can share one read
 * instead of a transaction per page view. Keyed by tenant and version; bounded (least recently used).
 */
@Singleton
class PublishedVersions {

    private static final int MAX_ENTRIES = 500;

    private record TenantVersion(UUID tenantId, UUID versionId) {
    }

    private final InstrumentService instruments;
    private final Map<TenantVersion, InstrumentVersionView> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TenantVersion, InstrumentVersionView> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });

    PublishedVersions(InstrumentService instruments) {
        this.instruments = instruments;
    }

    /** The version in the tenant in context, if it is published. Drafts are never cached. */
    Optional<InstrumentVersionView> find(UUID versionId) {
        TenantVersion key = new TenantVersion(TenantContext.require(), versionId);
        InstrumentVersionView cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<InstrumentVersionView> loaded = instruments.publishedVersion(versionId);
        loaded.ifPresent(version -> cache.put(key, version));
        return loaded;
    }
}
