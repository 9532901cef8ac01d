package org.iptkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ipt-core is the bottom layer (the layers run core ← rules ← json ← examples): plain values and
 * scoring, no JSON, no Vavr, no I/O, no logging. Only the main classes are checked (the test
 * fixtures use jqwik and AssertJ freely).
 *
 * <p>About {@code java.io}: {@link InvalidValueException} is {@code Serializable}, but only by
 * inheriting it from {@code IllegalArgumentException}; its own bytecode names no {@code java.io}
 * type ({@code serialVersionUID} is a plain {@code long} field) and ArchUnit counts only direct
 * dependencies. So nothing in {@code java.io} is unavoidable and none is allowed — not even
 * {@code java.io.Serializable}. {@link #coreDependsOnlyOnJavaLangUtilTimeAndImmutablesAnnotations}
 * pins the complete list of packages core really uses, so a new one is a deliberate change.
 */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importMainClasses() {
    core = new ClassFileImporter()
        .withImportOption(new ImportOption.DoNotIncludeTests())
        .importPackages("org.iptkit.core");
  }

  @Test
  void importCoversTheMainClassesAndNoTestClasses() {
    assertThat(core.contain(TreatmentCourse.class)).isTrue();
    assertThat(core.contain(ImmutableTreatmentCourse.class)).isTrue();
    assertThat(core.contain(InvalidValueException.class)).isTrue();
    assertThat(core.contain(ArchitectureTest.class)).isFalse();
    assertThat(core.stream().map(JavaClass::getPackageName))
        .allMatch(name -> name.equals("org.iptkit.core"));
  }

  @Test
  void coreDoesNotUseJackson() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("tools.jackson..", "com.fasterxml..")
        .check(core);
  }

  @Test
  void coreDoesNotUseVavr() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vavr..").check(core);
  }

  private static final ArchRule NO_IO = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..");

  @Test
  void coreDoesNoIo() {
    NO_IO.check(core);
  }

  @Test
  void noIoRuleCatchesAClassThatReadsFiles() {
    JavaClasses readsTheReadme = new ClassFileImporter().importClasses(ReadmeExampleTest.class);

    assertThatThrownBy(() -> NO_IO.check(readsTheReadme))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.nio.file.Files");
  }

  @Test
  void coreDoesNotLog() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.util.logging..", "org.slf4j..", "org.apache.logging..")
        .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
        .check(core);
  }

  @Test
  void coreDependsOnlyOnJavaLangUtilTimeAndImmutablesAnnotations() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass javaClass : core) {
      for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (!target.isPrimitive() && !target.isArray()) {
          packages.add(target.getPackageName());
        }
      }
    }

    // org.immutables.value: the class-retention @Value.* annotations the processor reads; the
    // artifact is 'provided' and core's module-info 'requires static' it.
    assertThat(packages).allMatch(name -> name.equals("org.iptkit.core")
        || name.equals("java.lang") || name.startsWith("java.lang.")
        || name.equals("java.util") || name.equals("java.util.function")
        || name.equals("java.util.stream")
        || name.equals("java.time") || name.equals("java.time.chrono")
        || name.equals("org.immutables.value"),
        "a package of java.lang, java.util, java.time, core or the Immutables annotations");
    assertThat(packages).contains("java.lang", "java.util", "java.time", "org.iptkit.core");
  }
}
