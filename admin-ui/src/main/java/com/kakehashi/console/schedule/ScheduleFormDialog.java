package com.kakehashi.console.schedule;

import com.kakehashi.console.api.Cadence;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.shell.FormDialog;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A passive form for one schedule; hands the edited draft and the raw reminder text to its save listener. */
class ScheduleFormDialog extends FormDialog {

    interface SaveListener {
        void save(ScheduleDraft draft, String reminderText);
    }

    private final TextField name = field("name", new TextField(getTranslation("schedule.name")));
    private final TextField titleEn = field("surveyTitleEn", new TextField(getTranslation("schedule.surveyTitleEn")));
    private final TextField titleJa = field("surveyTitleJa", new TextField(getTranslation("schedule.surveyTitleJa")));
    private final Select<Engagement> engagement = field("engagementId", new Select<>());
    private final Select<InstrumentVersionChoice> version = field("instrumentVersionId", new Select<>());
    private final MultiSelectComboBox<Side> sides = field("audienceSides",
            new MultiSelectComboBox<>(getTranslation("schedule.sides")));
    private final MultiSelectComboBox<Level> levels = field("audienceLevels",
            new MultiSelectComboBox<>(getTranslation("schedule.levels")));
    private final Select<Cadence> cadence = field("cadence", new Select<>());
    private final TimePicker japanTime = field("japanSendTime", new TimePicker(getTranslation("schedule.japanSendTime")));
    private final TimePicker hqTime = field("hqSendTime", new TimePicker(getTranslation("schedule.hqSendTime")));
    private final IntegerField daysOpen = field("daysOpen", new IntegerField(getTranslation("schedule.daysOpen")));
    private final TextField reminders = field(SchedulePresenter.REMINDERS, new TextField(getTranslation("schedule.reminders")));
    private final DatePicker startDate = field("startDate", new DatePicker(getTranslation("schedule.startDate")));
    private final DatePicker endDate = field(SchedulePresenter.END_DATE, new DatePicker(getTranslation("schedule.endDate")));

    ScheduleFormDialog(boolean creating, ScheduleDraft draft, List<Engagement> engagements,
                       List<InstrumentVersionChoice> versions, SaveListener onSave) {
        super("schedule", creating ? "schedule.create" : "schedule.edit");
        setWidth("44em");
        name.setId("schedule-name");
        name.setRequiredIndicatorVisible(true);
        titleEn.setId("schedule-title-en");
        titleJa.setId("schedule-title-ja");
        titleEn.setRequiredIndicatorVisible(true);
        titleJa.setRequiredIndicatorVisible(true);
        titleEn.setMaxLength(120);
        titleJa.setMaxLength(120);
        titleEn.setHelperText(getTranslation("schedule.surveyTitle.help"));
        engagement.setId("schedule-engagement");
        engagement.setLabel(getTranslation("schedule.engagement"));
        engagement.setItems(engagements);
        engagement.setItemLabelGenerator(Engagement::name);
        engagement.setRequiredIndicatorVisible(true);
        version.setId("schedule-version");
        version.setLabel(getTranslation("schedule.instrumentVersion"));
        version.setItems(versions);
        version.setItemLabelGenerator(InstrumentVersionChoice::label);
        version.setRequiredIndicatorVisible(true);
        if (versions.isEmpty()) {
            version.setHelperText(getTranslation("schedule.noPublishedVersion"));
        }
        sides.setId("schedule-sides");
        sides.setItems(Side.values());
        sides.setItemLabelGenerator(s -> getTranslation("side." + s.name()));
        sides.setHelperText(getTranslation("schedule.audience.everyone"));
        levels.setId("schedule-levels");
        levels.setItems(Level.values());
        levels.setItemLabelGenerator(l -> getTranslation("level." + l.name()));
        levels.setHelperText(getTranslation("schedule.audience.everyone"));
        cadence.setId("schedule-cadence");
        cadence.setLabel(getTranslation("schedule.cadence"));
        cadence.setItems(Cadence.values());
        cadence.setItemLabelGenerator(c -> getTranslation("schedule.cadence." + c.name()));
        japanTime.setId("schedule-japan-time");
        hqTime.setId("schedule-hq-time");
        japanTime.setStep(Duration.ofMinutes(15));
        hqTime.setStep(Duration.ofMinutes(15));
        japanTime.setHelperText(getTranslation("schedule.japanSendTime.help"));
        hqTime.setHelperText(getTranslation("schedule.hqSendTime.help"));
        daysOpen.setId("schedule-days-open");
        daysOpen.setMin(1);
        daysOpen.setMax(60);
        daysOpen.setStepButtonsVisible(true);
        reminders.setId("schedule-reminders");
        reminders.setHelperText(getTranslation("schedule.reminders.help"));
        startDate.setId("schedule-start");
        endDate.setId("schedule-end");
        startDate.setLocale(getLocale());
        endDate.setLocale(getLocale());
        startDate.setRequiredIndicatorVisible(true);

        name.setValue(Objects.requireNonNullElse(draft.name(), ""));
        titleEn.setValue(Objects.requireNonNullElse(draft.surveyTitleEn(), ""));
        titleJa.setValue(Objects.requireNonNullElse(draft.surveyTitleJa(), ""));
        engagements.stream().filter(e -> e.id().equals(draft.engagementId())).findFirst().ifPresent(engagement::setValue);
        versions.stream().filter(v -> v.versionId().equals(draft.instrumentVersionId())).findFirst()
                .ifPresent(version::setValue);
        sides.setValue(draft.audienceSides());
        levels.setValue(draft.audienceLevels());
        cadence.setValue(draft.cadence());
        japanTime.setValue(draft.japanSendTime());
        hqTime.setValue(draft.hqSendTime());
        daysOpen.setValue(draft.daysOpen());
        reminders.setValue(SchedulePresenter.formatReminders(draft.reminderOffsetDays()));
        startDate.setValue(draft.startDate());
        endDate.setValue(draft.endDate());

        var layout = new FormLayout(name, titleEn, titleJa, engagement, version, sides, levels, cadence, japanTime, hqTime, daysOpen,
                reminders, startDate, endDate);
        layout.setColspan(name, 2);
        add(layout);

        addSaveListener(() -> onSave.save(new ScheduleDraft(
                name.getValue().strip(), titleEn.getValue().strip(), titleJa.getValue().strip(),
                engagement.getValue() == null ? null : engagement.getValue().id(),
                version.getValue() == null ? null : version.getValue().versionId(),
                List.copyOf(sides.getValue()), List.copyOf(levels.getValue()), cadence.getValue(),
                japanTime.getValue(), hqTime.getValue(), daysOpen.getValue(), List.of(), startDate.getValue(),
                endDate.getValue()), reminders.getValue()));
    }
}
