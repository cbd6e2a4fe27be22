-- what the job runs with, as its submitter described it: a JSON object, shown with the job and never
-- read by the scheduler; jobs submitted before this column (or without settings) have none
ALTER TABLE job ADD COLUMN settings TEXT;
