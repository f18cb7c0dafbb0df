-- Staff's decisions on submitted applications (DOMAIN A1): one per application, taken once, never changed. The
-- application's status moves from SUBMITTED to the outcome in the same transaction (a conditional update, so that of
-- two officers deciding at once exactly one wins). The officer is the token's subject and preferred_username.
create table application_decision (
    application_id      uuid primary key references application (id),
    outcome             text        not null check (outcome in ('VERIFIED', 'REJECTED')),
    decided_at          timestamptz not null,
    decided_by          text        not null,
    decided_by_username text        not null,
    reason_code         text,
    comment             text check (char_length(comment) <= 2000),
    -- the applicant is told why
    check (outcome <> 'REJECTED' or (reason_code is not null and comment is not null))
);

