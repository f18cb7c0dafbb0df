-- DOMAIN I3: consecutive failed logins per IIN (the username), whether or not an account has it, so that a lock
-- tells nobody whether the account exists. A successful login or password reset deletes the row.
create table login_failure (
    iin             char(12) primary key,
    failures        int         not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);

-- DOMAIN I3 "Forgot password?": account + IIN + registered mobile, then the code, then the new password. A reset
-- that did not match an account gets a challenge too (its code is never sent), so the answers look alike.
create table password_reset (
    challenge_id   uuid primary key references challenge (id),
    account_number char(12)    not null,
    iin            char(12)    not null,
    mobile         text        not null,
    user_id        text, -- the account at Keycloak; null when the details did not match one
    created_at     timestamptz not null,
    completed_at   timestamptz
);

-- DOMAIN I4: the addresses a signed-in client asked to confirm. The link carries the row's id and an HMAC over it;
-- a row confirms once, within its validity, and only while it is the person's latest request.
create table email_verification (
    id             uuid primary key,
    user_id        text        not null,
    account_number char(12)    not null,
    email          text        not null,
    requested_at   timestamptz not null,
    expires_at     timestamptz not null,
    confirmed_at   timestamptz
);
create index email_verification_by_user on email_verification (user_id, requested_at desc);

-- Spring Modulith's event publication registry: the integration events, written in the transaction of the change
-- they announce and sent to Kafka after the commit (until acknowledged).
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

-- the client's names from the company's records, for the account made at Keycloak (DOMAIN I1)
alter table registration add column surname text, add column first_name text;
