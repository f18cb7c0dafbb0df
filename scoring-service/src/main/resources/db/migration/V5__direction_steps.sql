-- Every step of a direction, written in the transaction of the change: the citizen's timeline and the bank's card
-- show what happened when, with the deadline each step set or missed; the direction row keeps only where it is now.
create table direction_step (
    id           bigint generated always as identity primary key, -- two steps may share an instant
    direction_id uuid        not null references direction (id),
    step         text        not null, -- ISSUED, VISITED, QUALIFICATION_PASSED, QUALIFICATION_FAILED, HOUSING_CHOSEN,
                                       -- LOAN_ISSUED, EXPIRED, ANNULLED
    occurred_at  timestamptz not null,
    on_date      date        not null, -- in Asia/Almaty
    deadline     date,                 -- ISSUED: the bank visit's; QUALIFICATION_PASSED: the housing's;
                                       -- EXPIRED: the one missed
    reason       text                  -- why (a failed qualification, an annulment), or the bank's note
);
create index direction_step_by_direction on direction_step (direction_id, occurred_at);

-- The bank's inbox across all lists: the nearest open deadline first (the same expression as Directions.DEADLINE).
create index direction_inbox on direction ((case when status in ('ISSUED', 'VISITED') then visit_deadline
    when status = 'QUALIFIED' then housing_deadline end), number);
