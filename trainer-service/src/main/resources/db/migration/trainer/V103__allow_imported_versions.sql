-- A version can also be a Hugging Face model folder imported as it is.
ALTER TABLE model_version DROP CONSTRAINT model_version_training_mode_check;
ALTER TABLE model_version ADD CONSTRAINT model_version_training_mode_check
    CHECK (training_mode IN ('full', 'lora', 'import'));
