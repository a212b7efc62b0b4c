-- A file added again is recognised by its size and the SHA-256 of its first bytes (what a
-- browser can hash without reading a large file whole), recorded when the upload is checked.
alter table uploads add column head_sha256 text;
create index uploads_owner_size_head on uploads (owner_id, size_bytes, head_sha256) where status in ('processing', 'ready');

-- A job that failed because its attempts ran out on crashes (not because of its input) may
-- succeed when tried again: the upload page offers Retry for those.
alter table jobs add column gave_up boolean not null default false;
