-- One gap-free counter per number series and year (casefile.NumberSeries), for case numbers and
-- document numbers alike; replaces the case and certificate counters. Runs on H2 and PostgreSQL.
-- Case numbers keep their case type as series key; other series use names longer than a case
-- type (VARCHAR(8)), so they never meet a case type.
CREATE TABLE number_series (
    series_key   VARCHAR(40) NOT NULL,
    series_year  INTEGER     NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (series_key, series_year)
);

INSERT INTO number_series (series_key, series_year, last_number)
SELECT case_type, case_year, last_number FROM case_number_counter;

-- 闵科孵认〔YYYY〕N号, see incubator.CertificateRegister.NUMBER_SERIES
INSERT INTO number_series (series_key, series_year, last_number)
SELECT 'incubator-certificate', certificate_year, last_number FROM incubator_certificate_counter;

DROP TABLE case_number_counter;
DROP TABLE incubator_certificate_counter;
