package com.kakehashi.mail;

import com.kakehashi.identity.AccountMail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** Identity's account mail (failed sign-in notices), over the same mailer and sender as every other mail. */
@Singleton
class AccountMailSender implements AccountMail {

    private final StaffMail mail;

    AccountMailSender(StaffMail mail) {
        this.mail = mail;
    }

    @Override
    public boolean available() {
        return mail.available();
    }

    @Override
    public @Nullable String send(String idLocalPart, String to, String subject, String text) {
        return mail.send(List.of(new StaffMail.Notice(idLocalPart, to, subject, text))).getFirst();
    }
}
