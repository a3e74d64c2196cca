-- Department heads (issue #14): one head (a user) per department, set by an admin. Mail that
-- DOMAIN.md §7 addresses to "the department head" (督办单) goes to this user.
CREATE TABLE department_head (
    department_code VARCHAR(64) NOT NULL PRIMARY KEY,
    head_user       VARCHAR(64) NOT NULL,
    set_by          VARCHAR(64) NOT NULL,
    set_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
