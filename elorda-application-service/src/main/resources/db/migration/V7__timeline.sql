-- The applicant's timeline (issue 7 point 9) and the automatic assessment for staff (point 8), fed by events: the
-- intake's own in the transaction of the change, the scoring service's from Kafka.

-- The events this service has processed from Kafka: a consumer records the event id in the transaction of its
-- change, so that a redelivered event is skipped.
create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    processed_at timestamptz not null
);

-- The submitted applications that have a timeline, and whose each is (the token subject of the applicant).
create table application_timeline (
    application_id     uuid primary key,
    applicant_id       text not null,
    application_number text not null
);

-- One step of an application, from one event (source_event_id: a redelivered event adds nothing). details holds
-- what the step says (Step.Details, by kind), e.g. the direction's number and deadline.
create table application_step (
    id              bigint generated always as identity primary key,
    application_id  uuid        not null references application_timeline (application_id),
    kind            text        not null check (kind in ('SUBMITTED', 'ASSESSED', 'VERIFIED', 'REJECTED',
                                                         'DIRECTION_ISSUED', 'DIRECTION_EXPIRED',
                                                         'DIRECTION_ANNULLED', 'BANK_OUTCOME')),
    occurred_at     timestamptz not null,
    details         jsonb       not null,
    source_event_id uuid        not null unique,
    recorded_at     timestamptz not null
);
create index application_step_by_application on application_step (application_id, occurred_at, id);
create index application_step_assessments on application_step (application_id, occurred_at desc, id desc)
    where kind = 'ASSESSED';

-- The latest automatic assessment of each application: the newest by the time the scoring service made it, so an
-- older assessment delivered late does not hide a newer one.
create view latest_assessment as
select distinct on (application_id)
       application_id,
       details ->> 'applicationNumber' as application_number,
       (details ->> 'eligible')::boolean as eligible,
       (details ->> 'points')::int       as points,
       details -> 'failed'               as failed,
       details -> 'breakdown'            as breakdown,
       details ->> 'rulesVersion'        as rules_version,
       details ->> 'edition'             as edition,
       (details ->> 'asOf')::date        as as_of,
       occurred_at                       as assessed_at
from application_step
where kind = 'ASSESSED'
order by application_id, occurred_at desc, id desc;

-- Applications submitted before this migration get their timeline and its first step; the step's source is a
-- name-based id of the application, as no event id was kept.
insert into application_timeline (application_id, applicant_id, application_number)
select id, applicant_id, number
from application
where status <> 'DRAFT' and number is not null;

insert into application_step (application_id, kind, occurred_at, details, source_event_id, recorded_at)
select id, 'SUBMITTED', submitted_at, jsonb_build_object('applicationNumber', number, 'category', category),
       md5('SUBMITTED:' || id)::uuid, now()
from application
where status <> 'DRAFT' and number is not null and submitted_at is not null;
