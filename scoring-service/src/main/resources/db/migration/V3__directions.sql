-- The applicant's name for the direction letter (DOMAIN A1).
alter table ranked_application add column applicant_name text not null default '';

-- DOMAIN A1–A4: how many directions each list may hold at once, as the akimat set it.
create table list_quota (
    edition  text        not null,
    category text        not null,
    quota    int         not null check (quota >= 0),
    set_by   text        not null,
    set_at   timestamptz not null,
    primary key (edition, category)
);

-- A direction to Otbasy bank. A place in the quota is held while the direction is ISSUED, VISITED, QUALIFIED,
-- HOUSING_CHOSEN or LOAN_ISSUED; FAILED, EXPIRED and ANNULLED free it for the next in the list. One direction per
-- application, ever.
create sequence direction_number;
create table direction (
    id                uuid primary key,
    number            text        not null unique,
    application_id    uuid        not null unique references ranked_application (application_id),
    edition           text        not null,
    category          text        not null,
    status            text        not null,
    position          int         not null, -- in the list when issued
    points            int         not null,
    verification_code text        not null, -- printed on the letter, for the bank to check
    issued_on         date        not null,
    visit_deadline    date        not null, -- DOMAIN A2: inclusive
    housing_deadline  date,                 -- DOMAIN A4: inclusive, from the passed qualification
    closed_on         date,
    reason            text,
    updated_at        timestamptz not null
);
create index direction_by_list on direction (edition, category, status);
create index direction_open_deadlines on direction (status, visit_deadline, housing_deadline);

create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject     text        not null,
    reason      text        not null
);
create index audit_log_by_subject on audit_log (subject, occurred_at);

-- Spring Modulith's event publication registry: events written with the change they announce, sent after commit.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
