package org.iptkit.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the rules module: main code free of JSON, file, network and logging
 * libraries; the core independent of the rules; the public API exposing no internal types.
 */
class ArchitectureTest {
  /** Main classes only, whether they come from a class folder or a jar of the reactor. */
  private static final ImportOption MAIN_CODE_ONLY = new ImportOption() {
    private final Pattern testJar = Pattern.compile(".*-tests\\.jar!?/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(testJar);
    }
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(MAIN_CODE_ONLY)
        .importPackages("org.iptkit.core", "org.iptkit.rules");
  }

  @Test
  void bothModulesAreImported() {
    assertThat(classes.contain("org.iptkit.core.TreatmentCourse")).isTrue();
    assertThat(classes.contain("org.iptkit.rules.FidelityChecker")).isTrue();
    assertThat(classes.contain("org.iptkit.rules.internal.CourseFacts")).isTrue();
    assertThat(classes.contain("org.iptkit.rules.ReferenceCourseTest")).isFalse();
  }

  @Test
  void rulesDependOnNoJsonFileNetworkOrLoggingLibrary() {
    noClasses().that().resideInAPackage("org.iptkit.rules..")
        .should().dependOnClassesThat(resideInAnyPackage(
            "tools.jackson..", "com.fasterxml..", "java.nio.file..", "java.net..",
            "org.slf4j..", "java.util.logging..", "org.apache.logging..",
            "org.apache.commons.logging..", "ch.qos.logback.."))
        .because("the rules are pure functions of a course and a profile; I/O is the host's")
        .check(classes);
  }

  @Test
  void rulesUseJavaIoOnlyForExceptions() {
    noClasses().that().resideInAPackage("org.iptkit.rules..")
        .should().dependOnClassesThat(resideInAPackage("java.io..")
            .and(not(assignableTo(Throwable.class))))
        .check(classes);
  }

  @Test
  void rulesUseNoSystemLoggerAndNoStandardStreams() {
    noClasses().that().resideInAPackage("org.iptkit.rules..")
        .should().dependOnClassesThat(simpleName("System$Logger")
            .or(simpleName("Logger")).or(simpleName("LoggerFactory")))
        .check(classes);
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
        classes.that(resideInAPackage("org.iptkit.rules..")));
  }

  @Test
  void theCoreDoesNotDependOnTheRules() {
    noClasses().that().resideInAPackage("org.iptkit.core..")
        .should().dependOnClassesThat().resideInAPackage("org.iptkit.rules..")
        .check(classes);
  }

  @Test
  void thePublicApiExposesNoInternalTypes() {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage("org.iptkit.rules")
        .and().areDeclaredInClassesThat().arePublic()
        .should(exposeNoInternalTypes())
        .check(classes);
    fields().that().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage("org.iptkit.rules")
        .should(new ArchCondition<JavaField>("not be of an internal type") {
          @Override
          public void check(JavaField field, ConditionEvents events) {
            report(field.getFullName(), List.of(field.getType()), events);
          }
        })
        .check(classes);
  }

  @Test
  void thePublicApiNamesVavrOnlyWhereBridgingToVavrIsThePurpose() {
    // Vavr stays inside the rules module: the one public method that names it is the bridge
    // for Vavr users, FidelityReport.toValidation.
    List<String> naming = new ArrayList<>();
    for (JavaClass type : classes.that(resideInAPackage("org.iptkit.rules"))) {
      if (!type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaCodeUnit unit : type.getCodeUnits()) {
        if (!unit.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
          continue;
        }
        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
        types.add(unit.getReturnType());
        for (JavaType used : types) {
          for (JavaClass involved : used.getAllInvolvedRawTypes()) {
            if (involved.getPackageName().startsWith("io.vavr")) {
              naming.add(type.getSimpleName() + "." + unit.getName());
            }
          }
        }
      }
    }
    assertThat(naming).containsOnly("FidelityReport.toValidation");
  }

  private static ArchCondition<JavaCodeUnit> exposeNoInternalTypes() {
    return new ArchCondition<>("take and return no type of an internal package") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
        types.add(unit.getReturnType());
        report(unit.getFullName(), types, events);
      }
    };
  }

  private static void report(String member, List<JavaType> types, ConditionEvents events) {
    for (JavaType type : types) {
      for (JavaClass involved : type.getAllInvolvedRawTypes()) {
        if (involved.getPackageName().contains(".internal")) {
          events.add(SimpleConditionEvent.violated(member,
              member + " exposes internal type " + involved.getName()));
        }
      }
    }
  }
}
