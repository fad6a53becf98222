package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** A predefined group of a wave's respondents: everyone, a side, a level, or a side × level cell. */
record Segment(@Nullable Side side, @Nullable Level level) {

    static final Segment ALL = new Segment(null, null);
    static final String ANY = "*";

    /** ALL, the sides, the levels, then the cells: a stable order for output. */
    static final List<Segment> EVERY = every();

    private static List<Segment> every() {
        List<Segment> all = new ArrayList<>();
        all.add(ALL);
        for (Side side : Side.values()) {
            all.add(new Segment(side, null));
        }
        for (Level level : Level.values()) {
            all.add(new Segment(null, level));
        }
        for (Side side : Side.values()) {
            for (Level level : Level.values()) {
                all.add(new Segment(side, level));
            }
        }
        return List.copyOf(all);
    }

    static Segment of(String side, String level) {
        return new Segment(ANY.equals(side) ? null : Side.valueOf(side), ANY.equals(level) ? null : Level.valueOf(level));
    }

    String key() {
        if (side == null && level == null) {
            return "ALL";
        }
        if (level == null) {
            return "side:" + side;
        }
        if (side == null) {
            return "level:" + level;
        }
        return "side:" + side + ",level:" + level;
    }
}
