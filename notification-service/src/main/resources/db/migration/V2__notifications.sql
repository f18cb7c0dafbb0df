-- Who a person is and how to reach them, learnt from the other services' events (the person id is the user id at
-- the identity provider, the token subject).
create table contact (
    person_id       text primary key,
    iin             char(12),
    mobile          text,
    email           text,
    email_verified  boolean     not null default false,
    language        text,        -- the language of the pages the person last used, as events report it
    chosen_language text,        -- set by the person; wins over the one above
    updated_at      timestamptz not null
);
create index contact_by_iin on contact (iin);

-- One thing a person is told, whatever the channels: what the inbox shows.
create table notification (
    id          uuid primary key,
    person_id   text        not null,
    iin         char(12),
    kind        text        not null,
    audience    text        not null, -- PROGRAMME or ACCOUNT: which staff may read its delivery log
    language    text        not null,
    source_key  text        not null unique, -- the event (and the kind) it came from: one notification each
    correlation text,                        -- e.g. direction/<id>, so later events can cancel what is pending
    subject     text        not null,
    body        text        not null,        -- the full text; for a secret link only the redacted text
    created_at  timestamptz not null,
    visible_at  timestamptz not null, -- a reminder shows in the inbox when it is due, not when it is planned
    cancelled_at timestamptz,
    read_at     timestamptz
);
create index notification_inbox on notification (person_id, visible_at desc);
create index notification_by_correlation on notification (correlation) where correlation is not null;

create table attachment (
    notification_id uuid  not null references notification (id),
    file_name       text  not null,
    content_type    text  not null,
    content         bytea not null,
    primary key (notification_id, file_name)
);

-- One message on one channel, waiting durably until the provider takes it.
create table message (
    id                  uuid primary key,
    notification_id     uuid references notification (id), -- none for one-time codes
    person_id           text,
    kind                text        not null,
    audience            text        not null,
    channel             text        not null, -- SMS or EMAIL
    destination         text        not null, -- the number or address; shown masked
    content             text,                 -- the SMS text or the email body; null once sent if it held a secret
    secret              boolean     not null default false,
    status              text        not null,
    attempts            int         not null default 0,
    next_attempt_at     timestamptz,
    provider_message_id text,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index message_due on message (next_attempt_at) where status = 'PENDING';
create index message_by_person on message (person_id, created_at desc);
create index message_by_notification on message (notification_id);
create index message_by_provider_id on message (channel, provider_message_id);

create table message_status (
    message_id uuid        not null references message (id),
    status     text        not null,
    at         timestamptz not null,
    detail     text
);
create index message_status_by_message on message_status (message_id, at);

create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null
);
