-- The supervision board (issue 16) counts and lists open cases by process, department and stage,
-- and finds running statutory clocks; these indexes let both read open cases without a full scan.
CREATE INDEX case_record_open_stage ON case_record (closed_at, process_key, department, status);
CREATE INDEX statutory_clock_running ON statutory_clock (stopped_at, paused_at);
