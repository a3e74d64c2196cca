-- Read access follows the case (kernel casefile): every department that holds or held a step of a
-- case (a task's candidate group, the case's responsible department) may read it afterwards.
CREATE TABLE case_involvement (
    case_number  VARCHAR(32)  NOT NULL REFERENCES case_record (case_number),
    department   VARCHAR(64)  NOT NULL,
    since        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_number, department)
);
CREATE INDEX case_involvement_department ON case_involvement (department);
-- existing cases: their responsible department has held them
INSERT INTO case_involvement (case_number, department, since)
    SELECT case_number, department, opened_at FROM case_record;
