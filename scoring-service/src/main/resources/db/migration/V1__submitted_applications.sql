create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null
);

create table submitted_application (
    application_id uuid primary key,
    number         text        not null,
    category       text        not null,
    submitted_at   timestamptz not null
);
create index submitted_application_by_category on submitted_application (category);
