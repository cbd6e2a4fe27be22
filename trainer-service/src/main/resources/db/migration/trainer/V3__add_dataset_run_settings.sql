-- The settings a dataset's training runs with (JSON, every field filled in); null for datasets
-- stored before run settings existed, which run with the trainer's defaults.
ALTER TABLE dataset ADD COLUMN run_settings TEXT;
