-- IP protection cases (DOMAIN.md §4): one row per closed case, what the monthly statistics count
-- (by IP type, channel, outcome; on-time rate). Written once by the closure step.
CREATE TABLE ip_case_outcome (
    case_number           VARCHAR(32)  NOT NULL PRIMARY KEY REFERENCES case_record (case_number),
    ip_type               VARCHAR(32)  NOT NULL,
    -- the last channel; NULL when the case was not accepted
    channel               VARCHAR(32),
    outcome_code          VARCHAR(8)   NOT NULL,
    outcome_category      VARCHAR(32)  NOT NULL,
    received_on           DATE         NOT NULL,
    closed_on             DATE         NOT NULL,
    elapsed_working_days  INTEGER      NOT NULL,
    -- every step of the case finished by its due date and no statutory deadline expired
    on_time               BOOLEAN      NOT NULL,
    satisfaction          VARCHAR(32)
);
CREATE INDEX ip_case_outcome_closed ON ip_case_outcome (closed_on);
