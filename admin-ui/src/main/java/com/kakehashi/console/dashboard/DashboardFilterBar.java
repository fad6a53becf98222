package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.dashboard.DashboardFilter.Period;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;

import java.util.List;
import java.util.function.Consumer;

/** Engagement, level and period pickers; every change hands the whole filter on. Wraps on narrow screens. */
class DashboardFilterBar extends FlexLayout {

    private final Select<Engagement> engagement = new Select<>();
    private final Select<Level> level = new Select<>();
    private final Select<Period> period = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private boolean updating;

    DashboardFilterBar(Consumer<DashboardFilter> onChange) {
        setId("dashboard-filters");
        addClassName("dashboard-filters");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(Alignment.BASELINE);

        engagement.setId("dashboard-engagement");
        engagement.setLabel(getTranslation("dashboard.filter.engagement"));
        engagement.setEmptySelectionAllowed(true);
        engagement.setEmptySelectionCaption(getTranslation("dashboard.filter.allEngagements"));
        engagement.setItemLabelGenerator(e -> e == null ? getTranslation("dashboard.filter.allEngagements") : e.name());

        level.setId("dashboard-level");
        level.setLabel(getTranslation("dashboard.filter.level"));
        level.setItems(Level.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("dashboard.filter.allLevels"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("dashboard.filter.allLevels") : getTranslation("level." + l.name()));

        period.setId("dashboard-period");
        period.setLabel(getTranslation("dashboard.filter.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name()));

        from.setId("dashboard-from");
        from.setLabel(getTranslation("dashboard.filter.from"));
        to.setId("dashboard-to");
        to.setLabel(getTranslation("dashboard.filter.to"));

        Runnable changed = () -> {
            from.setVisible(period.getValue() == Period.CUSTOM);
            to.setVisible(period.getValue() == Period.CUSTOM);
            if (!updating) {
                onChange.accept(new DashboardFilter(engagement.getValue() == null ? null : engagement.getValue().id(),
                        level.getValue(), period.getValue(), from.getValue(), to.getValue()));
            }
        };
        engagement.addValueChangeListener(e -> changed.run());
        level.addValueChangeListener(e -> changed.run());
        period.addValueChangeListener(e -> changed.run());
        from.addValueChangeListener(e -> changed.run());
        to.addValueChangeListener(e -> changed.run());
        add(engagement, level, period, from, to);
    }

    /** Shows the presenter's filter without reporting it back as a change. */
    void show(List<Engagement> engagements, DashboardFilter filter) {
        updating = true;
        try {
            engagement.setItems(engagements);
            engagement.setValue(engagements.stream().filter(e -> e.id().equals(filter.engagementId())).findFirst().orElse(null));
            level.setValue(filter.level());
            period.setValue(filter.period());
            from.setValue(filter.from());
            to.setValue(filter.to());
            from.setVisible(filter.period() == Period.CUSTOM);
            to.setVisible(filter.period() == Period.CUSTOM);
        } finally {
            updating = false;
        }
    }

    /** The filter in words, for the printed page, where the pickers are hidden. */
    String summary() {
        String when = period.getValue() == Period.CUSTOM
                ? com.kakehashi.console.shell.Formats.date(from.getValue(), getLocale()) + " – "
                        + com.kakehashi.console.shell.Formats.date(to.getValue(), getLocale())
                : getTranslation("dashboard.period." + period.getValue().name());
        return engagement.getItemLabelGenerator().apply(engagement.getValue()) + " · "
                + level.getItemLabelGenerator().apply(level.getValue()) + " · " + when;
    }

    void showProblem(String message) {
        to.setInvalid(true);
        to.setErrorMessage(message);
    }

    void clearProblem() {
        to.setInvalid(false);
    }
}
