package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.jpa.criteria.PersistentEntityCriteriaBuilder;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.util.ArrayList;
import java.util.List;

/** The console's participant filters as one criteria predicate. */
public record ParticipantFilter(@Nullable Side side, @Nullable Level level, @Nullable Boolean active, @Nullable String text) {

    public static ParticipantFilter none() {
        return new ParticipantFilter(null, null, null, null);
    }

    /** The filters as a predicate, or null when there are none (criteria cannot render an empty AND). */
    @Nullable
    PredicateSpecification<Participant> toSpecification() {
        if (side == null && level == null && active == null && (text == null || text.isBlank())) {
            return null;
        }
        return (root, cb) -> {
            List<jakarta.persistence.criteria.Predicate> predicates = new ArrayList<>();
            if (side != null) {
                predicates.add(cb.equal(root.get("side"), side));
            }
            if (level != null) {
                predicates.add(cb.equal(root.get("level"), level));
            }
            if (active != null) {
                predicates.add(cb.equal(root.get("active"), active));
            }
            if (text != null && !text.isBlank()) {
                // LIKE wildcards in the search text are taken literally by dropping them.
                String pattern = "%" + text.trim().replaceAll("[%_\\\\]", "") + "%";
                PersistentEntityCriteriaBuilder builder = (PersistentEntityCriteriaBuilder) cb;
                predicates.add(cb.or(builder.ilike(root.<String>get("displayName"), pattern),
                        builder.ilike(root.<String>get("email"), pattern),
                        builder.ilike(root.<String>get("department"), pattern)));
            }
            return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }
}
