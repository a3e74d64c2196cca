-- A statutory clock stops at the decision it times; a case whose clock ran out is flagged overdue.
ALTER TABLE statutory_clock ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE statutory_clock ADD COLUMN stopped_by VARCHAR(64);
-- set when the statutory deadline passed before the decision (红色督办)
ALTER TABLE case_record ADD COLUMN deadline_expired_at TIMESTAMP WITH TIME ZONE;
