-- Primary authorization (DOMAIN I1) in progress: what the person typed, and whether it matched a contract. A
-- registration that did not match gets a challenge too, so that its answers look the same; its code was never sent.
create table registration (
    challenge_id   uuid primary key references challenge (id),
    user_type      text        not null, -- CLIENT or CO_INVESTOR
    account_number char(12)    not null,
    iin            char(12)    not null,
    mobile         text        not null,
    matched        boolean     not null,
    created_at     timestamptz not null,
    completed_at   timestamptz,
    user_id        text         -- the account made at Keycloak
);
