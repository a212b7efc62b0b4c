-- Training: a project holds the configuration the user edits (the training contract's JSON,
-- possibly incomplete while editing); a run trains a snapshot of it; each trained model keeps
-- its metrics here and its model document and test forecasts in the blob store.

create table training_projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  config jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index training_projects_owner on training_projects (owner_id, updated_at desc);

create table training_runs (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  project_id uuid not null references training_projects (id) on delete cascade,
  job_id uuid references jobs (id) on delete set null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  message text,
  config jsonb not null,
  samples jsonb,
  result jsonb,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index training_runs_project on training_runs (project_id, created_at desc);

create table trained_models (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  run_id uuid not null references training_runs (id) on delete cascade,
  project_id uuid not null references training_projects (id) on delete cascade,
  position integer not null,
  kind text not null,
  result jsonb not null,
  model_blob_key text not null,
  forecasts_blob_key text,
  created_at timestamptz not null default now(),
  unique (run_id, position)
);

alter table training_projects enable row level security;
alter table training_runs enable row level security;
alter table trained_models enable row level security;
create policy training_projects_owner on training_projects for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
-- Foreign keys are checked without RLS: the checks below (run under RLS) stop a user from
-- hanging a run or a model on another user's project or run whose id they learnt.
create policy training_runs_owner on training_runs for all to authenticated
  using (owner_id = auth.uid())
  with check (owner_id = auth.uid() and exists (select 1 from training_projects p where p.id = project_id));
create policy trained_models_owner on trained_models for all to authenticated
  using (owner_id = auth.uid())
  with check (owner_id = auth.uid() and exists (select 1 from training_runs r where r.id = run_id and r.project_id = trained_models.project_id));
grant select, insert, update, delete on training_projects, training_runs, trained_models to authenticated;
