package com.kakehashi.identity;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;

/**
 * Tells a user that someone keeps failing to log in to their account (OWASP: notify users of
 * unusual security events). Sent after the failed login has been answered, through
 * {@link AccountMail}; the throttle allows one per account and window, and a mail that could
 * not be sent frees that slot for the next failure. Users have no language setting, so the mail is
 * Japanese and English.
 */
@Singleton
class FailedLoginNotice {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginNotice.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountMail mail;
    private final LoginThrottle throttle;
    private final ExecutorService executor;

    FailedLoginNotice(AccountMail mail, LoginThrottle throttle, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.mail = mail;
        this.throttle = throttle;
        this.executor = executor;
    }

    void tell(AppUser user, LoginThrottle.NoticeDue notice) {
        if (!mail.available()) {
            throttle.noticeFailed(notice);
            return;
        }
        executor.execute(() -> send(user, notice));
    }

    private void send(AppUser user, LoginThrottle.NoticeDue notice) {
        try {
            String id = user.id() + ".login-failures." + notice.windowStart().getEpochSecond();
            String error = mail.send(id, user.email(), subject(), text(notice));
            if (error != null) {
                LOG.warn("Failed-login notice not sent: {}", error);
                throttle.noticeFailed(notice);
            }
        } catch (RuntimeException e) {
            LOG.warn("Failed-login notice not sent", e);
            throttle.noticeFailed(notice);
        }
    }

    static String subject() {
        return "[Kakehashi] ログインの失敗が続いています / Repeated failed sign-ins to your account";
    }

    static String text(LoginThrottle.NoticeDue notice) {
        String since = UTC.format(notice.windowStart());
        return "Kakehashi アカウントへのログインが、" + since + " 以降 " + notice.failures() + " 回失敗しました。\n"
                + "アカウントはロックされていません。正しいパスワードでこれまでどおりログインできます。\n"
                + "ご自身の操作であれば、この通知は無視してください。心当たりがない場合は、第三者がパスワードを推測しようとしている"
                + "可能性があります。他のサービスと共用していない長いパスワードを使い、管理者（オペレーター）にご連絡ください。\n\n"
                + "――――――――――――――――\n\n"
                + "There have been " + notice.failures() + " failed sign-ins to your Kakehashi account since " + since + ".\n"
                + "Your account is not locked: the right password still signs you in as usual.\n"
                + "If this was you, ignore this mail. If not, someone may be guessing your password: make sure it is long and "
                + "not used anywhere else, and tell your operator.\n";
    }
}
