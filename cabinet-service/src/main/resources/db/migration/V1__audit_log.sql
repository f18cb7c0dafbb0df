create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject     text        not null,
    reason      text        not null
);
create index audit_log_by_subject on audit_log (subject, occurred_at);
