package com.kakehashi.console.portfolio;

import com.kakehashi.console.portfolio.PortfolioPresenter.Mention;
import com.kakehashi.console.portfolio.PortfolioPresenter.Why;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A reason as a sentence in the user's language. The view passes its own translation; tests pass the bundle's,
 * so the English and Japanese phrasing is checked without a browser.
 */
final class ReasonText {

    /** How many signs a sentence names before it says "and N more". */
    static final int NAMED = 3;

    private ReasonText() {
    }

    static String sentence(Why why, BiFunction<String, Object[], String> translate) {
        Object[] args = new Object[why.numbers().size() + 1];
        for (int i = 0; i < why.numbers().size(); i++) {
            args[i] = why.numbers().get(i);
        }
        args[args.length - 1] = mentions(why.mentions(), translate);
        return translate.apply(why.key(), args);
    }

    private static String mentions(List<Mention> mentions, BiFunction<String, Object[], String> translate) {
        List<String> named = mentions.stream().limit(NAMED).map(m -> translate.apply("portfolio.why.mention",
                new Object[]{translate.apply("instrument.sign." + m.sign(), new Object[0]),
                        translate.apply("dashboard.side." + m.side().name(), new Object[0]),
                        String.format(Locale.ROOT, "%.0f", m.value())})).toList();
        String joined = String.join(translate.apply("portfolio.why.separator", new Object[0]), named);
        int more = mentions.size() - named.size();
        return more > 0 ? translate.apply("portfolio.why.more", new Object[]{joined, more}) : joined;
    }
}
