-- Foundation: uploads, datasets and jobs, owned by users and guarded by Row Level Security.
-- Runs unchanged on PGlite and on PostgreSQL 15 (Supabase), where the auth schema, auth.uid()
-- and the authenticated role already exist: create them only when missing.

create schema if not exists auth;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin;
  end if;
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    execute $fn$
      create function auth.uid() returns uuid language sql stable as
      'select nullif(nullif(current_setting(''request.jwt.claims'', true), '''')::jsonb ->> ''sub'', '''')::uuid'
    $fn$;
  end if;
end
$$;

grant usage on schema auth to authenticated;
grant usage on schema public to authenticated;

create table uploads (
  id uuid primary key,
  owner_id uuid not null,
  filename text not null check (length(filename) between 1 and 255),
  size_bytes bigint not null check (size_bytes >= 0),
  status text not null default 'uploading'
    check (status in ('uploading', 'processing', 'ready', 'failed', 'expired', 'cancelled')),
  message text,
  sha256 text,
  line_count bigint,
  encoding text,
  delimiter text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index uploads_owner_created on uploads (owner_id, created_at desc);

create table datasets (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  upload_id uuid references uploads (id) on delete set null,
  parent_id uuid references datasets (id) on delete set null,
  name text not null,
  row_count bigint not null default 0,
  columns jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now()
);
create index datasets_owner_created on datasets (owner_id, created_at desc);

create table jobs (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  kind text not null,
  upload_id uuid references uploads (id) on delete cascade,
  dataset_id uuid references datasets (id) on delete cascade,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  stage text not null default 'queued',
  progress double precision not null default 0 check (progress >= 0 and progress <= 1),
  message text,
  seq bigint not null default 0,
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  payload jsonb not null default '{}'::jsonb,
  result jsonb,
  run_after timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index jobs_claimable on jobs (run_after) where status = 'queued';
create index jobs_upload on jobs (upload_id);

alter table uploads enable row level security;
alter table datasets enable row level security;
alter table jobs enable row level security;

create policy uploads_owner on uploads for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
create policy datasets_owner on datasets for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
create policy jobs_owner on jobs for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());

grant select, insert, update, delete on uploads, datasets, jobs to authenticated;
