-- Applications start as drafts in an edition; the number is given at submission. Rows from before editions keep
-- their edition empty.
alter table application
    alter column number drop not null,
    alter column submitted_at drop not null,
    alter column category drop not null,
    add column edition_id    text references edition (id),
    add column applicant_iin char(12),
    add column status        text        not null default 'SUBMITTED',
    add column form          jsonb,
    add column created_at    timestamptz,
    add column updated_at    timestamptz;
-- one application per person and edition, draft or not
create unique index application_one_per_person on application (edition_id, applicant_iin) where edition_id is not null;
create index application_by_edition on application (edition_id, status, category, number);

-- The people of the submitted applications: a family applies once per edition (DOMAIN E2, only one spouse applies),
-- whichever spouse applied first; the key makes two spouses submitting at once collide in the database.
create table application_person (
    edition_id     text     not null,
    iin            char(12) not null,
    application_id uuid     not null references application (id),
    role           text     not null, -- APPLICANT or SPOUSE
    primary key (edition_id, iin)
);
