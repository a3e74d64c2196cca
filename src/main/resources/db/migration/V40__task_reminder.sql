-- Deadline reminders (蓝 before, 黄 at, 红 after the due date) of open user tasks, kept by the
-- kernel instead of timers in every model. One row per task and level; fire_at follows the task's
-- due date; sent_at is set once, in the transaction that writes the mail to the outbox.
CREATE TABLE task_reminder (
    task_id         VARCHAR(64)  NOT NULL,
    reminder_level  VARCHAR(8)   NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    fire_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT task_reminder_pk PRIMARY KEY (task_id, reminder_level)
);
CREATE INDEX task_reminder_fire_at ON task_reminder (fire_at);
