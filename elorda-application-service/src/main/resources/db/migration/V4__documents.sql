-- The documents of an application (DOMAIN "Documents"): one row per upload, inserted whole in one transaction with
-- the checksum of its bytes, which the database checks again; the format is the one its bytes showed, not the
-- client's header or the file's name.
create table application_document (
    id             uuid primary key,
    application_id uuid        not null references application (id),
    type           text        not null, -- Edition.DocumentType
    holder_iin     char(12)    not null,
    issued_on      date        not null,
    file_name      text        not null, -- as given, sanitized, for display only
    media_type     text        not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     bigint      not null check (size_bytes > 0),
    sha256         char(64)    not null,
    content        bytea       not null,
    uploaded_at    timestamptz not null,
    uploaded_by    text        not null,
    check (size_bytes = octet_length(content)),
    check (sha256 = encode(sha256(content), 'hex'))
);
-- scans and PDFs are compressed already: keep them out of line without trying again
alter table application_document alter column content set storage external;
create index application_document_by_application on application_document (application_id, uploaded_at);
