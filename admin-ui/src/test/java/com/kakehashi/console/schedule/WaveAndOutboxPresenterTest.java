package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.OutboxEntry;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;
import com.kakehashi.console.api.WaveKind;
import com.kakehashi.console.api.WaveStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaveAndOutboxPresenterTest {

    private final OffsetDateTime now = OffsetDateTime.now();

    private Wave wave(UUID scheduleId, WaveStatus status, OffsetDateTime opensAt) {
        return new Wave(UUID.randomUUID(), scheduleId, opensAt.toLocalDate(), WaveKind.SCHEDULED, status, opensAt,
                opensAt.plusDays(7), 10, 4, 0.4, Map.of(Side.HQ, 0.5, Side.JAPAN, 0.25));
    }

    private FakeKakehashiApi apiWithSchedule() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        var d = ScheduleDraft.empty();
        api.createSchedule(CONTOSO.id(), new ScheduleDraft("Pulse", d.surveyTitleEn(), d.surveyTitleJa(), null, null, List.of(), List.of(), d.cadence(),
                d.japanSendTime(), d.hqSendTime(), 7, List.of(), null, null));
        return api;
    }

    @Test
    void wavesAreShownNewestFirstWithTheirScheduleNames() {
        var api = apiWithSchedule();
        var scheduleId = api.schedules.keySet().iterator().next();
        var old = wave(scheduleId, WaveStatus.CLOSED, now.minusDays(14));
        var current = wave(scheduleId, WaveStatus.OPEN, now);
        api.waves.put(old.id(), old);
        api.waves.put(current.id(), current);
        var view = new WaveView();
        new WavePresenter(api, api.me, CONTOSO.id(), view).load();

        assertEquals(List.of(current, old), view.waves);
        assertEquals("Pulse", view.names.get(scheduleId));
    }

    @Test
    void pollingRefreshesOnlyTheWavesOnceTheScheduleNamesAreKnown() {
        var api = apiWithSchedule();
        var scheduleId = api.schedules.keySet().iterator().next();
        var view = new WaveView();
        var presenter = new WavePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        var w = wave(scheduleId, WaveStatus.OPEN, now);
        api.waves.put(w.id(), w);
        api.calls.clear();
        presenter.refresh();

        assertEquals(List.of("waves"), api.calls);
        assertEquals(List.of(w), view.waves);
    }

    @Test
    void aFailingPollIsReportedOnceUntilTheBackendAnswersAgain() {
        var api = apiWithSchedule();
        var view = new WaveView();
        var presenter = new WavePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        api.refuseNext(ApiProblem.of(503, "Unavailable"));
        presenter.refresh();
        api.refuseNext(ApiProblem.of(503, "Unavailable"));
        presenter.refresh();
        assertEquals(1, view.problems.size());

        presenter.refresh();
        api.refuseNext(ApiProblem.of(503, "Unavailable"));
        presenter.refresh();
        assertEquals(2, view.problems.size(), "a new failure after a recovery is reported again");
    }

    @Test
    void closesOnlyOpenWaves() {
        var api = apiWithSchedule();
        var scheduleId = api.schedules.keySet().iterator().next();
        var open = wave(scheduleId, WaveStatus.OPEN, now);
        var closed = wave(scheduleId, WaveStatus.CLOSED, now.minusDays(14));
        api.waves.put(open.id(), open);
        api.waves.put(closed.id(), closed);
        var view = new WaveView();
        var presenter = new WavePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.close(closed);
        presenter.close(open);

        assertTrue(api.calls.contains("closeWave " + open.id()));
        assertTrue(api.calls.stream().noneMatch(c -> c.equals("closeWave " + closed.id())));
        assertEquals(WaveStatus.CLOSED, view.closed.status());
        assertTrue(view.waves.stream().noneMatch(Wave::isOpen));
    }

    @Test
    void executivesSeeNoWavesAndNoMail() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO), CONTOSO);
        var waves = new WaveView();
        new WavePresenter(api, api.me, CONTOSO.id(), waves).load();
        var mail = new MailView();
        new OutboxPresenter(api, api.me, CONTOSO.id(), mail).load();

        assertTrue(api.calls.isEmpty());
        assertNull(waves.waves);
        assertNull(mail.entries);
    }

    @Test
    void outboxFiltersByStatusAndCountsFailures() {
        var api = Fixtures.apiFor(Fixtures.operator(), CONTOSO);
        var waveId = UUID.randomUUID();
        var sent = new OutboxEntry(UUID.randomUUID(), waveId, "INVITATION", "SENT", now.minusHours(2), 1, null, now);
        var failed = new OutboxEntry(UUID.randomUUID(), waveId, "REMINDER", "FAILED", now.minusHours(1), 5,
                "550 mailbox unavailable", null);
        api.outbox.addAll(List.of(sent, failed));
        var view = new MailView();
        var presenter = new OutboxPresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();

        assertEquals(List.of(failed, sent), view.entries, "newest first");
        assertEquals(1, view.failed);

        presenter.filter("SENT");
        assertEquals(List.of(sent), view.entries);
        assertEquals(0, view.failed);
        assertEquals("outbox status=SENT", api.calls.getLast());

        presenter.filter("BOGUS");
        assertEquals("outbox status=null", api.calls.getLast(), "an unknown status means all mail");
    }

    static final class WaveView implements WavePresenter.View {
        List<Wave> waves;
        Map<UUID, String> names;
        Wave closed;
        final List<ApiProblem> problems = new ArrayList<>();

        @Override
        public void showWaves(List<Wave> waves, Map<UUID, String> scheduleNames) {
            this.waves = waves;
            this.names = scheduleNames;
        }

        @Override
        public void showClosed(Wave wave) {
            closed = wave;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }
    }

    static final class MailView implements OutboxPresenter.View {
        List<OutboxEntry> entries;
        long failed = -1;

        @Override
        public void showEntries(List<OutboxEntry> entries, long failed) {
            this.entries = entries;
            this.failed = failed;
        }

        @Override
        public void showProblem(ApiProblem problem) {
        }
    }
}
