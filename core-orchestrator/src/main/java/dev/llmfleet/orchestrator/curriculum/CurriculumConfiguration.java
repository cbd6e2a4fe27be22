package dev.llmfleet.orchestrator.curriculum;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The skills the fleet can teach. */
@Configuration(proxyBeanMethods = false)
class CurriculumConfiguration {

    @Bean
    ArithmeticSkill arithmeticSkill() {
        return new ArithmeticSkill();
    }

    @Bean
    AnagramSkill anagramSkill() {
        return new AnagramSkill();
    }
}
