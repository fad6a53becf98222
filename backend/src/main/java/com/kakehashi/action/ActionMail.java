package com.kakehashi.action;

import com.kakehashi.engagement.EngagementService;
import com.kakehashi.mail.OutboxKind;
import com.kakehashi.mail.OutboxSender;
import com.kakehashi.mail.QueuedMail;
import com.kakehashi.mail.StaffMail;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.vocabulary.WarningSign;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Action notices, sent by the mail feature's outbox worker: this sender only writes what a notice
 * says, read at send time, in the recipient's language. A named owner has one (Japanese or English
 * only); console users and consultants have none, so theirs is English, then Japanese, like alert mail.
 * A notice that no longer fits is cancelled: the action is gone, dropped, or no longer late.
 */
@Singleton
class ActionMail implements OutboxSender {

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String RULE = "――――――――――――――――";
    private static final Map<ActionStatus, String> STATUS_JA = new EnumMap<>(Map.of(
            ActionStatus.PROPOSED, "提案中（合意待ち）", ActionStatus.AGREED, "合意済み・未着手",
            ActionStatus.IN_PROGRESS, "実施中", ActionStatus.DONE, "完了", ActionStatus.DROPPED, "取り下げ"));
    private static final Map<ActionStatus, String> STATUS_EN = new EnumMap<>(Map.of(
            ActionStatus.PROPOSED, "proposed, waiting for agreement", ActionStatus.AGREED, "agreed but not started",
            ActionStatus.IN_PROGRESS, "in progress", ActionStatus.DONE, "done", ActionStatus.DROPPED, "dropped"));

    private final ActionService actions;
    private final TenantService tenants;
    private final EngagementService engagements;
    private final StaffMail staffMail;

    ActionMail(ActionService actions, TenantService tenants, EngagementService engagements, StaffMail staffMail) {
        this.actions = actions;
        this.tenants = tenants;
        this.engagements = engagements;
        this.staffMail = staffMail;
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.ACTION);
    }

    @Override
    public Shipment prepare(List<QueuedMail> mails) {
        String tenant = tenants.current().name();
        Map<UUID, Optional<ActionView>> found = new HashMap<>();
        mails.forEach(mail -> found.computeIfAbsent(mail.actionId(), actions::find));
        Map<UUID, String> engagementNames = new HashMap<>();
        return new Shipment() {
            @Override
            public Optional<String> cancelReason(QueuedMail mail) {
                Optional<ActionView> action = found.get(mail.actionId());
                if (action.isEmpty()) {
                    return Optional.of("action gone");
                }
                ActionEvent event = ActionEvent.valueOf(mail.actionEvent());
                if (event != ActionEvent.DONE && action.get().status() == ActionStatus.DROPPED) {
                    return Optional.of("action dropped");
                }
                if (event == ActionEvent.OVERDUE && !action.get().overdue()) {
                    return Optional.of("action no longer overdue");
                }
                return Optional.empty();
            }

            @Override
            public MimeMessage compose(QueuedMail mail, Session session) throws MessagingException {
                ActionView action = found.get(mail.actionId()).orElseThrow();
                String engagement = engagementNames.computeIfAbsent(action.engagementId(), id -> engagements.get(id).name());
                ActionEvent event = ActionEvent.valueOf(mail.actionEvent());
                return staffMail.compose(session, new StaffMail.Notice(action.id() + ".action." + mail.id(), mail.email(),
                        subject(tenant, action, event, mail.language()), text(tenant, engagement, action, event, mail.language())));
            }
        };
    }

    static String subject(String tenant, ActionView action, ActionEvent event, String language) {
        String en = "[Kakehashi] " + tenant + ": " + switch (event) {
            case PROPOSED -> "action proposed";
            case AGREED -> "action agreed";
            case DONE -> "action done";
            case OVERDUE -> "action overdue";
        } + " – " + action.title();
        String ja = "[Kakehashi] " + tenant + "：" + switch (event) {
            case PROPOSED -> "施策のご提案";
            case AGREED -> "施策合意のお知らせ";
            case DONE -> "施策完了のお知らせ";
            case OVERDUE -> "施策期限超過のお知らせ";
        } + "「" + action.title() + "」";
        if ("ja".equals(language)) {
            return ja;
        }
        if ("en".equals(language)) {
            return en;
        }
        return en + " / " + ja.substring(("[Kakehashi] " + tenant + "：").length());
    }

    static String text(String tenant, String engagement, ActionView action, ActionEvent event, String language) {
        if ("ja".equals(language)) {
            return japanese(tenant, engagement, action, event);
        }
        if ("en".equals(language)) {
            return english(tenant, engagement, action, event);
        }
        return english(tenant, engagement, action, event) + "\n" + RULE + "\n\n" + japanese(tenant, engagement, action, event);
    }

    private static String english(String tenant, String engagement, ActionView a, ActionEvent event) {
        String opening = switch (event) {
            case PROPOSED -> "An action has been proposed with you as one of its two owners. It takes effect once the owner on"
                    + " each side, HQ and Japan, has agreed.";
            case AGREED -> "Both owners have agreed to this action. It can start as planned on " + EN.format(a.startOn()) + ".";
            case DONE -> "This action was completed on " + date(a.doneOn(), EN) + ". Its effect on the signs it targets will"
                    + " show in the pulse waves that follow.";
            case OVERDUE -> "This action was due on " + EN.format(a.dueOn()) + " and is still " + STATUS_EN.get(a.status())
                    + ". Please bring it to a close, agree a new due date, or drop it with the reason why.";
        };
        String closing = switch (event) {
            case PROPOSED -> "Please review it in the Kakehashi console and agree there, or tell your consultant whether you agree.";
            case AGREED, DONE -> "You can follow the action and comment on it in the Kakehashi console.";
            case OVERDUE -> "You are told once; the action stays marked overdue in the console until it is closed or moved.";
        };
        return opening + "\n\n"
                + "Client: " + tenant + "\nEngagement: " + engagement + "\nAction: " + a.title()
                + "\nTargets: " + a.signs().stream().map(WarningSign::english).collect(Collectors.joining(", "))
                + "\nStart: " + EN.format(a.startOn()) + "\nDue: " + EN.format(a.dueOn())
                + "\nHQ owner: " + a.hqOwner().name() + "\nJapan owner: " + a.japanOwner().name()
                + (a.description() == null ? "" : "\n\n" + a.description())
                + "\n\n" + closing + "\n";
    }

    private static String japanese(String tenant, String engagement, ActionView a, ActionEvent event) {
        String opening = switch (event) {
            case PROPOSED -> "あなたを担当者の一人とする施策が提案されました。本社側・日本側それぞれの担当者が合意した時点で、"
                    + "正式に確定します。";
            case AGREED -> "本施策について、双方の担当者の合意が得られました。予定どおり" + JA.format(a.startOn())
                    + "から開始できます。";
            case DONE -> "本施策は" + date(a.doneOn(), JA) + "に完了しました。対象となる兆候への効果は、"
                    + "今後のパルスサーベイの結果に表れてきます。";
            case OVERDUE -> "本施策は期限（" + JA.format(a.dueOn()) + "）を過ぎましたが、まだ完了していません（現在の状態："
                    + STATUS_JA.get(a.status()) + "）。完了とするか、新しい期限について合意するか、理由を添えて取り下げてください。";
        };
        String closing = switch (event) {
            case PROPOSED -> "Kakehashi コンソールで内容をご確認のうえご合意いただくか、ご意見を担当コンサルタントまでお知らせください。";
            case AGREED, DONE -> "進捗の確認やコメントは Kakehashi コンソールから行えます。";
            case OVERDUE -> "このお知らせは一度だけお送りします。完了または期限の変更まで、コンソール上では期限超過として表示されます。";
        };
        return opening + "\n\n"
                + "クライアント：" + tenant + "\nプロジェクト：" + engagement + "\n施策：" + a.title()
                + "\n対象となる兆候：" + a.signs().stream().map(WarningSign::japanese).collect(Collectors.joining("、"))
                + "\n開始日：" + JA.format(a.startOn()) + "\n期限：" + JA.format(a.dueOn())
                + "\n本社側担当者：" + a.hqOwner().name() + "\n日本側担当者：" + a.japanOwner().name()
                + (a.description() == null ? "" : "\n\n" + a.description())
                + "\n\n" + closing + "\n";
    }

    private static String date(LocalDate date, DateTimeFormatter format) {
        return date == null ? "" : format.format(date);
    }
}
