-- Retention of closed cases (casefile.CaseRetention). H2 and PostgreSQL.
-- The process that opened the case, filled from the engine's history on first need: the retention
-- of a case follows its process, and the history may be gone by the time the retention ends.
ALTER TABLE case_record ADD COLUMN process_key VARCHAR(255);
-- Set when the retention ended: events, documents, mail and the engine's history of the case are
-- gone and the applicant's user id is removed; the record itself stays (number, type, title,
-- department, dates, outcome) because certificates and registers refer to it.
ALTER TABLE case_record ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX case_record_closed ON case_record (closed_at);
