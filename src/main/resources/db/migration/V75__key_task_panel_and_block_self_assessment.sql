-- The expert panel of a tracked item's year-end assessment (issue #14): each appointed expert's own
-- score and opinion; the panel score is computed from these rows, not typed in by stc.
CREATE TABLE key_task_expert_score (
    list_year   INTEGER       NOT NULL,
    task_number INTEGER       NOT NULL,
    expert      VARCHAR(64)   NOT NULL,
    score       DECIMAL(5,1)  NOT NULL,
    opinion     VARCHAR(2000) NOT NULL,
    scored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_year, task_number, expert),
    FOREIGN KEY (list_year, task_number) REFERENCES key_task_item (list_year, task_number)
);

-- A block operator's own year-end self-assessment (DOMAIN.md §6: departments and block operators
-- self-assess in mid-December) on the same six dimensions stc then assesses it on.
CREATE TABLE block_operator_self_assessment (
    list_year     INTEGER       NOT NULL,
    operator_code VARCHAR(64)   NOT NULL,
    technology    INTEGER       NOT NULL,
    finance       INTEGER       NOT NULL,
    talent        INTEGER       NOT NULL,
    policy        INTEGER       NOT NULL,
    ip            INTEGER       NOT NULL,
    management    INTEGER       NOT NULL,
    summary       VARCHAR(2000) NOT NULL,
    submitted_by  VARCHAR(64)   NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_year, operator_code)
);
