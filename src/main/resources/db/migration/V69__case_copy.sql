-- 抄送 (kernel approval, issue #20): a read-only copy of a case sent to a person (user id) or a
-- department (its code). Each recipient may read the case from then on (casefile.CaseAccess) and
-- finds it in their 抄送我的 list.
CREATE TABLE case_copy (
    case_number VARCHAR(32)  NOT NULL REFERENCES case_record (case_number),
    recipient   VARCHAR(64)  NOT NULL,
    sent_by     VARCHAR(64)  NOT NULL,
    note        VARCHAR(500),
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_number, recipient)
);
CREATE INDEX case_copy_recipient ON case_copy (recipient);
