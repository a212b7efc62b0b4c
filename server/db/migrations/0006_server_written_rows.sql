-- Jobs, datasets and trained models name the files that worker threads and downloads read.
-- Users read them under RLS (and may delete their own), but only the server writes them: a
-- row written through the Data API with someone else's file key would otherwise be served.

revoke insert, update on jobs, datasets, trained_models from authenticated;

alter table trained_models alter column forecasts_blob_key set not null;
