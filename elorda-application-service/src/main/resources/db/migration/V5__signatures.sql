-- The applicant's electronic digital signature over the application as submitted (issue 7 point 4): the exact bytes
-- signed, the CMS as NCALayer made it and what was checked when it was accepted, so that the signature can be shown
-- and checked again later without the network.
create table application_signature (
    application_id uuid        primary key references application (id),
    content        bytea       not null,
    content_sha256 text        not null,
    cms            bytea       not null,
    evidence       jsonb       not null,
    signed_at      timestamptz,
    verified_at    timestamptz not null
);
