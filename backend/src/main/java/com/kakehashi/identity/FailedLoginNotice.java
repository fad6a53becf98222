package com.kakehashi.identity;

import com.kakehashi.mail.StaffMail;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Tells a user that someone keeps failing to log in to their account (OWASP: notify users of
 * unusual security events). Sent after the failed login has been answered, through the mail
 * feature's {@link StaffMail}; the throttle allows one per account and window, and a mail that could
 * not be sent frees that slot for the next failure. Users have no language setting, so the mail is
 * Japanese and English.
 */
@Singleton
class FailedLoginNotice {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginNotice.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StaffMail notices;
    private final LoginThrottle throttle;
    private final ExecutorService executor;

    FailedLoginNotice(StaffMail notices, LoginThrottle throttle, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.notices = notices;
        this.throttle = throttle;
        this.executor = executor;
    }

    void tell(AppUser user, LoginThrottle.Notice notice) {
        if (!notices.available()) {
            throttle.noticeFailed(notice);
            return;
        }
        executor.execute(() -> send(user, notice));
    }

    private void send(AppUser user, LoginThrottle.Notice notice) {
        try {
            String id = user.id() + ".login-failures." + notice.windowStart().getEpochSecond();
            String error = notices.send(List.of(new StaffMail.Notice(id, user.email(), subject(), text(notice)))).get(0);
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

    static String text(LoginThrottle.Notice notice) {
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
