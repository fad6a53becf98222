package com.kakehashi.action;

/** What an action notice is about; stored as mail_outbox.action_event. */
enum ActionEvent {
    /** To the owners: an action has been proposed to them (or they have become its owner). */
    PROPOSED,
    /** Both owners agreed. */
    AGREED,
    DONE,
    /** Due date passed while still open; sent once per action by the {@code action-overdue} task. */
    OVERDUE
}
