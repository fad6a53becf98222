package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.vocabulary.Dimension;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A warning sign with the dimensions it rolls up into. */
@Serdeable
public record SignView(WarningSign sign, List<Dimension> dimensions) {

    static SignView of(WarningSign sign) {
        return new SignView(sign, sign.dimensions());
    }
}
