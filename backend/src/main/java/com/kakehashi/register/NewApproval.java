package com.kakehashi.register;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One side's word on one version. Console users have no side of their own, so the body names it
 * ({@code HQ} or {@code JAPAN}). {@code approverName} is the person of that side who agreed or
 * disagreed when the recording user is not that person (a consultant noting what was said in a
 * meeting); without it the recording user is the approver. A disagreement needs a comment.
 */
@Serdeable
public record NewApproval(@NotNull Side side,
                          @NotNull ApprovalDecision decision,
                          @NotNull @Min(1) Integer version,
                          @Nullable @MultiLine @Size(max = 2000) String comment,
                          @Nullable @Size(max = 120) String approverName) {
}
