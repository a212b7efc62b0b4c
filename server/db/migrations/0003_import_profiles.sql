-- Saved import choices ("profiles"), re-applied to the next file of the same logger.

create table import_profiles (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  options jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_id, name)
);

alter table import_profiles enable row level security;
create policy import_profiles_owner on import_profiles for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
grant select, insert, update, delete on import_profiles to authenticated;
