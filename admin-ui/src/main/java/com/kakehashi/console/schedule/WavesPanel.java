package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.Problems;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Waves of one tenant with live response rates. While the panel is shown (the TabSheet attaches only the selected
 * tab's content, and the tenant page also switches polling on tab changes) the UI polls every five seconds.
 */
public class WavesPanel extends VerticalLayout implements WavePresenter.View {

    static final int POLL_MILLIS = 5000;

    private final Grid<Wave> grid = new Grid<>();
    private final WavePresenter presenter;
    private Map<UUID, String> scheduleNames = Map.of();
    private Registration pollRegistration;

    public WavesPanel(ConsoleSession session, UUID tenantId) {
        presenter = new WavePresenter(session.api(), session.user(), tenantId, this);
        setSizeFull();
        setPadding(false);

        var refresh = new Button(getTranslation("wave.refresh"), e -> presenter.refresh());
        refresh.setId("wave-refresh");

        grid.setId("wave-grid");
        grid.addColumn(w -> scheduleNames.getOrDefault(w.scheduleId(), "")).setHeader(getTranslation("wave.schedule"))
                .setAutoWidth(true);
        grid.addColumn(w -> Formats.date(w.occurrenceDate(), getLocale())).setHeader(getTranslation("wave.occurrence"))
                .setAutoWidth(true);
        grid.addColumn(w -> getTranslation("wave.kind." + w.kind().name())).setHeader(getTranslation("wave.kind"));
        grid.addColumn(w -> getTranslation("wave.status." + w.status().name())).setHeader(getTranslation("wave.status"))
                .setPartNameGenerator(w -> w.isOpen() ? "wave-open" : null);
        grid.addColumn(w -> Formats.dateTime(w.opensAt(), getLocale())).setHeader(getTranslation("wave.opensAt"))
                .setAutoWidth(true);
        grid.addColumn(w -> Formats.dateTime(w.closesAt(), getLocale())).setHeader(getTranslation("wave.closesAt"))
                .setAutoWidth(true);
        grid.addColumn(Wave::invited).setHeader(getTranslation("wave.invited"));
        grid.addColumn(Wave::responded).setHeader(getTranslation("wave.responded"));
        grid.addColumn(w -> percent(w.responseRate())).setHeader(getTranslation("wave.responseRate"));
        grid.addColumn(w -> sideRate(w, Side.HQ)).setHeader(getTranslation("wave.rate.HQ"));
        grid.addColumn(w -> sideRate(w, Side.JAPAN)).setHeader(getTranslation("wave.rate.JAPAN"));
        grid.addComponentColumn(this::closeButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("wave.empty"));
        add(refresh, grid);
        presenter.load();
    }

    private String percent(double rate) {
        var format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(rate);
    }

    private String sideRate(Wave wave, Side side) {
        var rate = wave.sideRates().get(side);
        return rate == null ? "–" : percent(rate);
    }

    private Component closeButton(Wave wave) {
        if (!wave.isOpen()) {
            return new Span();
        }
        var close = new Button(getTranslation("wave.close"), e -> {
            var dialog = new ConfirmDialog(getTranslation("wave.close"),
                    getTranslation("wave.close.confirm", Formats.date(wave.occurrenceDate(), getLocale())),
                    getTranslation("wave.close"), ok -> presenter.close(wave));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("common.cancel"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        close.addClassName("wave-close");
        close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return close;
    }

    /** Switches the five-second refresh on or off; the tenant page calls it when its tabs change. */
    public void setPolling(boolean on) {
        getUI().ifPresent(ui -> {
            if (on && pollRegistration == null) {
                pollRegistration = ui.addPollListener(e -> presenter.refresh());
                ui.setPollInterval(POLL_MILLIS);
            } else if (!on && pollRegistration != null) {
                pollRegistration.remove();
                pollRegistration = null;
                ui.setPollInterval(-1);
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        setPolling(true);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        setPolling(false);
        super.onDetach(detachEvent);
    }

    @Override
    public void showWaves(List<Wave> waves, Map<UUID, String> scheduleNames) {
        this.scheduleNames = scheduleNames;
        grid.setItems(waves);
    }

    @Override
    public void showClosed(Wave wave) {
        Problems.success(getTranslation("wave.closed"));
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }
}
