-- Imported datasets: the Arrow file in the blob store, the user's import choices, what the
-- import reported and the analysis of the series. RLS on datasets is already on (0001).

alter table datasets add column blob_key text;
alter table datasets add column size_bytes bigint not null default 0;
alter table datasets add column import_options jsonb not null default '{}'::jsonb;
alter table datasets add column layout jsonb;
alter table datasets add column import_report jsonb;
alter table datasets add column analysis jsonb;
alter table datasets add column time_start timestamptz;
alter table datasets add column time_end timestamptz;
alter table datasets add column step_minutes double precision;

create index datasets_upload on datasets (upload_id);
