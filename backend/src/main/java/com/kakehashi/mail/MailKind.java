package com.kakehashi.mail;

/** mail_outbox.kind */
enum MailKind {
    INVITATION,
    REMINDER
}
