-- Datasets derived from others (a recipe run, an alignment, the points inside a regression
-- band, a model's forecasts): what made them, and named recipes to run again.

alter table datasets add column derivation jsonb;
alter table datasets add column derivation_report jsonb;
create index datasets_parent on datasets (parent_id);

create table recipes (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  recipe jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_id, name)
);

alter table recipes enable row level security;
create policy recipes_owner on recipes for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
grant select, insert, update, delete on recipes to authenticated;
