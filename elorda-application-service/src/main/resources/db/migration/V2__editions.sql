-- Programme editions: the intake window (opens inclusive, closes exclusive) and the terms as data (Edition.Terms).
create table edition (
    id         text primary key,
    name       text        not null,
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    terms      jsonb       not null,
    created_by text        not null,
    created_at timestamptz not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    check (closes_at >= opens_at) -- equal: closed before it ever opened
);
create index edition_by_window on edition (opens_at, closes_at);
