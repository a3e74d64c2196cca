-- The year's indicators (issue #14, DOMAIN.md §6): target, baseline, kind, owner, and the
-- quarterly actuals the owners report. An indicator read from another register (source
-- REGISTER) has no reported actuals.
CREATE TABLE indicator (
    list_year   INTEGER       NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    unit        VARCHAR(20)   NOT NULL,
    kind        VARCHAR(8)    NOT NULL,   -- STOCK (a count at a date), FLOW (summed over the year), RATIO
    target      DECIMAL(14,2) NOT NULL,
    baseline    DECIMAL(14,2),
    owner       VARCHAR(64)   NOT NULL,
    source      VARCHAR(10)   NOT NULL,   -- REPORTED, REGISTER
    PRIMARY KEY (list_year, code)
);

CREATE TABLE indicator_actual (
    list_year   INTEGER       NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    quarter     INTEGER       NOT NULL,
    actual      DECIMAL(14,2) NOT NULL,
    evidence    VARCHAR(2000) NOT NULL,
    reported_by VARCHAR(64)   NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_year, code, quarter),
    FOREIGN KEY (list_year, code) REFERENCES indicator (list_year, code)
);
