package dev.llmfleet.trainer.validation;

import dev.llmfleet.trainer.engine.DatasetFormat;

/**
 * A registered shape of training data. Skill specs are {@code chat_sft_v1} lines tagged with
 * {@code "skill": "<name>"}; their name is {@code skill_<name>_v1}.
 */
public record DatasetSpec(String name, DatasetFormat format, String skill) {

    static DatasetSpec of(DatasetFormat format) {
        return new DatasetSpec(format.specName(), format, null);
    }

    static DatasetSpec skill(String skill) {
        return new DatasetSpec("skill_" + skill + "_v1", DatasetFormat.CHAT_SFT_V1, skill);
    }
}
