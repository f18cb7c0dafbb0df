create sequence application_number_seq;

create table application (
    id           uuid primary key,
    number       text        not null unique,
    applicant_id text        not null,
    category     text        not null,
    submitted_at timestamptz not null
);
create index application_by_applicant on application (applicant_id, submitted_at desc);
create index application_by_category on application (category, submitted_at, number);

create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject     text        not null,
    reason      text        not null
);
create index audit_log_by_subject on audit_log (subject, occurred_at);

-- Spring Modulith event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): the outbox from
-- which integration events are externalized to Kafka after the state change commits.
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
