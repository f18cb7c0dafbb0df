-- FAQ of the personal cabinet (DOMAIN.md I5): entries in display order, each with its text per language.
-- ru and kk are required (checked by the API), en is optional; a reader whose language is missing sees ru.
create table faq_entry (
    id         uuid        primary key,
    position   int         not null check (position > 0),
    updated_at timestamptz not null,
    updated_by text        not null
);
create index faq_entry_by_position on faq_entry (position, id);

-- search: the question weighs more than the answer. Russian is stemmed by the 'russian' configuration (пеня, пени,
-- пеню match), English by 'english'; PostgreSQL has no Kazakh stemmer, so Kazakh is only lower-cased ('simple').
-- The query side must use the same configuration per language (see FaqEntries).
create table faq_translation (
    entry_id uuid not null references faq_entry (id) on delete cascade,
    language text not null check (language in ('ru', 'kk', 'en')),
    question text not null check (char_length(question) between 1 and 500),
    answer   text not null check (char_length(answer) between 1 and 5000),
    search   tsvector generated always as (
        setweight(to_tsvector(case language when 'ru' then 'russian'::regconfig
                                            when 'en' then 'english'::regconfig
                                            else 'simple'::regconfig end, question), 'A')
        || setweight(to_tsvector(case language when 'ru' then 'russian'::regconfig
                                               when 'en' then 'english'::regconfig
                                               else 'simple'::regconfig end, answer), 'B')) stored,
    primary key (entry_id, language)
);
create index faq_translation_search on faq_translation using gin (search);
