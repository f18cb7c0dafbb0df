-- Every application the intake submitted, as scoring knows it: what it was assessed on, by which rules, with what
-- outcome, and what the akimat decided. Verification may arrive before the submission (separate topics): a row can
-- start from either event; the application is ranked once it is both assessed eligible and verified.
create table application (
    application_id     uuid primary key,
    application_number text        not null,
    applicant_id       text,                  -- the citizen's user id (the token subject)
    category           text        not null,  -- the pre-check's name (Facts.Category)
    submitted_at       timestamptz,
    facts              jsonb,                 -- the engine's input exactly as assessed
    programme          text,
    edition            text,
    rules_version      text,
    eligible           boolean,
    points             int,
    outcome            jsonb,                 -- criteria and points with their inputs, without the texts
    assessed_at        timestamptz,
    applicant_name     text,
    not_assessed       text,                  -- why there is no assessment (no facts; no edition on the date)
    verified_at        timestamptz,
    rejected_at        timestamptz,
    rejection_code     text,
    ranked_at          timestamptz
);
create index application_by_applicant on application (applicant_id);

-- The rules text of every version an assessment was made with: a decision is reproduced from its facts and this.
create table rules_version (
    version       text primary key,
    programme     text        not null,
    text          text        not null,
    first_used_at timestamptz not null
);
