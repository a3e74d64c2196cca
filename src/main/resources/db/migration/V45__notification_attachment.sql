-- A mail may carry one case document as an attachment (e.g. the certificate PDF); the relay reads
-- the file when it sends, so the outbox row stays small. Runs on H2 and PostgreSQL.
ALTER TABLE notification ADD COLUMN attachment_document_id BIGINT;
