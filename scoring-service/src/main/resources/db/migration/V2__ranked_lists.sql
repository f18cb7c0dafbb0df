-- DOMAIN S4: the ranked lists, one per edition and category, of verified eligible applications, in the order: points
-- (highest first, hence -points in the index), then the older applicant, then the application number.
create table ranked_application (
    application_id     uuid primary key,
    application_number text        not null unique,
    applicant_id       text,        -- the citizen's user id (the token subject), for "find my position"
    applicant_iin      char(12)    not null,
    birth_date         date        not null,
    edition            text        not null,
    category           text        not null,
    points             int         not null,
    rules_version      text        not null,
    placed_at          timestamptz not null
);
create index ranked_application_order
    on ranked_application (edition, category, (-points), birth_date, application_number);
create index ranked_application_by_applicant on ranked_application (applicant_id);
-- within one points value, for a position: the applications with as many points ahead of one
create index ranked_application_same_points
    on ranked_application (edition, category, points, birth_date, application_number);

-- How many applications each list has at each points value, kept with every placement: a position is the sum over the
-- higher values (a few dozen rows) plus those ahead at the same value — never a count along the whole list.
create table ranked_list_points (
    edition      text not null,
    category     text not null,
    points       int  not null,
    applications int  not null,
    primary key (edition, category, points)
);
