package org.iptkit.fhir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** ipt-fhir depends on core, rules and HAPI only: no JSON layer, no Jackson 3, no logging. */
class ArchitectureTest {
  /** The module's own classes, read from the build output (scanning HAPI's jars is slow). */
  private static final JavaClasses FHIR = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(Paths.get("target/classes"));

  @Test
  void theImportedClassesAreThisModules() {
    org.assertj.core.api.Assertions.assertThat(FHIR.contain(IptFhir.class)).isTrue();
  }

  @Test
  void fhirLayerDoesNotUseTheJsonLayerOrJackson3() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.iptkit.json..", "tools.jackson..")
        .check(FHIR);
  }

  @Test
  void onlyTheInputCheckUsesHapisJackson2() {
    noClasses().that().doNotHaveFullyQualifiedName("org.iptkit.fhir.internal.FhirInput")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
        .check(FHIR);
  }

  @Test
  void fhirLayerLogsNothing() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.slf4j..", "java.util.logging..", "org.apache.commons.logging..")
        .check(FHIR);
  }

  @Test
  void fhirLayerReachesNoNetworkOrFiles() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "java.nio.file..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
        .check(FHIR);
  }
}
