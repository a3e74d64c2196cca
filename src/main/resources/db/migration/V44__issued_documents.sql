-- Official documents the server issues (document.OfficialDocuments) are case documents too, stored
-- read-only beside the uploads: their number (e.g. 闵科孵认〔2026〕3号), the SHA-256 of the PDF, the
-- label of their kind (the template's title) and the step that issued them. One document per step:
-- a retried step finds the one it made (NULLs, the uploads, never collide). Runs on H2 and PostgreSQL.
ALTER TABLE case_document ADD COLUMN document_number VARCHAR(60);
ALTER TABLE case_document ADD COLUMN sha256 VARCHAR(64);
ALTER TABLE case_document ADD COLUMN kind_label VARCHAR(100);
ALTER TABLE case_document ADD COLUMN issued_step VARCHAR(300);
CREATE UNIQUE INDEX case_document_issued_step ON case_document (case_number, issued_step);
