package dev.llmfleet.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.domain.properties.HasParameterTypes;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked over every module of the fleet. */
class ArchitectureTest {

    static final List<String> SERVICES =
            List.of("orchestrator", "observability", "scheduler", "errorbus", "security", "trainer", "inference");

    static JavaClasses fleet;

    @BeforeAll
    static void importFleet() {
        fleet = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.llmfleet");
    }

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream()
                    .filter(s -> !s.equals(service))
                    .map(s -> "dev.llmfleet." + s + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("dev.llmfleet." + service + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("services talk over REST through fleet-api contracts, never through each other's code")
                    .check(fleet);
        }
    }

    @Test
    void contractsDependOnNothingOfTheFleetNorOnSpringBoot() {
        String[] forbidden =
                SERVICES.stream().map(s -> "dev.llmfleet." + s + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("dev.llmfleet.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.llmfleet.starter..", "org.springframework.boot..")
                .check(fleet);
    }

    @Test
    void theStarterAndTheModelKnowNoService() {
        String[] services =
                SERVICES.stream().map(s -> "dev.llmfleet." + s + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage("dev.llmfleet.starter..", "dev.llmfleet.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(services)
                .check(fleet);
    }

    @Test
    void controllersEntitiesAndRepositoriesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .or()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .and()
                .resideOutsideOfPackage("dev.llmfleet.starter..")
                .should()
                .notBePublic()
                .allowEmptyShould(true)
                .check(fleet);
    }

    /**
     * DJL's number overloads ({@code mul(Number)}, {@code div(Number)}, {@code pow(Number)}, ...) put
     * the number in a tensor over a Java buffer that autograd keeps after the buffer is freed: the
     * weights of a run turned to NaN once the garbage collector ran. The code gradients flow through
     * (the models' forward passes, LoRA, the loss and the training step) scales with
     * {@code dev.llmfleet.model.Scalar} instead.
     */
    @Test
    void differentiatedCodeNeverHandsDjlAJavaNumber() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.llmfleet.model.hf..",
                        "dev.llmfleet.model.gpt..",
                        "dev.llmfleet.model.lora..",
                        "dev.llmfleet.trainer.engine..")
                .and()
                .doNotHaveSimpleName("AdamW") // the optimizer updates weights outside autograd
                .and()
                .haveSimpleNameNotEndingWith("Test")
                .should()
                .callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.<JavaClass>owner(
                                JavaClass.Predicates.assignableTo(NDArray.class)))
                        .and(JavaCall.Predicates.target(HasParameterTypes.Predicates.rawParameterTypes(Number.class))))
                .because("a Number becomes a tensor on a freed Java buffer that autograd keeps; use Scalar")
                .check(fleet);
    }

    @Test
    void nothingUsesFieldInjection() {
        noFields()
                .should()
                .beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
                .allowEmptyShould(true)
                .check(fleet);
    }

    @Test
    void tokensArePickedInOnePlace() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.llmfleet.model.generate..")
                .should()
                .haveSimpleNameEndingWith("Sampler")
                .orShould()
                .haveSimpleNameEndingWith("TextStream")
                .because("serving, evaluation and the version self-test decode through fleet-model's Continuation:"
                        + " one sampler, one set of stop rules")
                .check(fleet);
    }
}
