create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null
);
