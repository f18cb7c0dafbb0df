-- A one-time code sent to a phone and what became of it. The code is never stored: only HMAC(secret, id:code).
create table challenge (
    id           uuid primary key,
    purpose      text        not null, -- REGISTRATION or PASSWORD_RESET
    mobile       text        not null,
    iin          char(12)    not null,
    code_hash    bytea       not null,
    sent_at      timestamptz not null,
    failed_tries int         not null default 0,
    verified_at  timestamptz,
    created_at   timestamptz not null
);

-- Every code asked for, sent or not: the hourly limits per phone, IIN and client address count these.
create table code_request (
    at      timestamptz not null,
    mobile  text        not null,
    iin     char(12)    not null,
    address text        not null
);
create index code_request_by_mobile on code_request (mobile, at);
create index code_request_by_iin on code_request (iin, at);
create index code_request_by_address on code_request (address, at);
