-- The cabinet's copy of the company's core accounting data: clients, contracts, their payment schedules and debts.
-- Loaded by the core-data import (files and the core.contract-changed.v1 topic); read by the cabinet's features.

create table client (
    id                    uuid primary key,
    account_number        text        not null unique, -- «лицевой счет», 12 digits
    iin                   text        not null,
    user_type             text        not null,        -- CLIENT or CO_INVESTOR («Дольщик»)
    surname               text        not null,
    first_name            text        not null,
    patronymic            text,
    sex                   text        not null,        -- MALE or FEMALE
    birth_date            date        not null,
    id_document_number    text,
    id_document_issued_on date,
    id_document_expires_on date,
    id_document_authority text,
    email                 text,
    email_verified        boolean     not null default false,
    mobile                text        not null,        -- +77XXXXXXXXX
    source_hash           text        not null,        -- of the imported record: the same record again changes nothing
    updated_at            timestamptz not null
);
create index client_by_iin on client (iin);

create table contract (
    id                uuid primary key,
    client_id         uuid          not null references client (id),
    number            text          not null unique,
    kind              text          not null,  -- MORTGAGE_LOAN or RENT_TO_OWN
    concluded_on      date          not null,
    ends_on           date          not null,
    collateral_type   text          not null,
    address           text          not null,
    amount            numeric(15, 2) not null,
    payments_count    int           not null,
    monthly_payment   numeric(15, 2) not null,
    payment_day       int           not null,  -- day of the month the monthly payment is due
    account_balance   numeric(15, 2) not null,
    penalty           numeric(15, 2) not null, -- «пеня»
    fine              numeric(15, 2) not null, -- «штраф»
    state_duty        numeric(15, 2) not null, -- «госпошлина»
    source_hash       text          not null,
    updated_at        timestamptz   not null
);
create index contract_by_client on contract (client_id, concluded_on);

-- One row of a contract's payment schedule with what was paid towards it and what was actually written off.
create table schedule_row (
    contract_id        uuid          not null references contract (id) on delete cascade,
    seq                int           not null,
    due_date           date          not null,
    payment            numeric(15, 2) not null, -- accrued monthly payment = principal + interest
    principal          numeric(15, 2) not null,
    interest           numeric(15, 2) not null, -- «вознаграждение»
    paid_amount        numeric(15, 2) not null default 0,
    paid_on            date,                    -- when the paid amount was complete (or last paid)
    written_off_amount numeric(15, 2) not null default 0,
    written_off_on     date,
    primary key (contract_id, seq)
);
