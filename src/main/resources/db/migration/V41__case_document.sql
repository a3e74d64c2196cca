-- Case documents move from the incubator into the kernel (casefile.CaseDocuments): every process's
-- documents in one table, their kinds declared by the process. Runs on H2 and PostgreSQL.
-- The incubator's table is renamed rather than copied: its rows keep their ids (download links stay
-- valid) and its identity keeps counting after them, which a copy into a new identity column would
-- not do without database-specific statements. Kinds stay as stored (APPLICATION_FORM …): a kind
-- code is read with the case type's declaration.
ALTER TABLE incubator_attachment RENAME TO case_document;
ALTER INDEX incubator_attachment_case RENAME TO case_document_case;
