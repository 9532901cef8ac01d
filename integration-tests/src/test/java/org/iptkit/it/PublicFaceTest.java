package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A host meets iptkit's own types, never the classes Immutables generates: no main class of any
 * module names a generated {@code Immutable*} or {@code With*} type, except the one value type it
 * was generated for (whose {@code builder()}, nested {@code Builder} and {@code copyOf} are the
 * public face) and other generated code.
 */
class PublicFaceTest {
  /** Main classes only, whether from a class folder or a jar of the reactor. */
  private static final ImportOption MAIN_CODE_ONLY = new ImportOption() {
    private final Pattern testJar = Pattern.compile(".*-tests\\.jar!?/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(testJar);
    }
  };

  private static JavaClasses everyModule() {
    return new ClassFileImporter().withImportOption(MAIN_CODE_ONLY)
        .importPackages("org.iptkit");
  }

  /** The top-level class a (possibly nested) class belongs to. */
  private static JavaClass topLevel(JavaClass javaClass) {
    JavaClass top = javaClass;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  /**
   * The value type a generated class implements ({@code ImmutableSession} and {@code WithSession}
   * for {@code Session}), or null when the class is not generated.
   */
  private static String generatedFor(JavaClass javaClass) {
    JavaClass top = topLevel(javaClass);
    String name = top.getSimpleName();
    for (String prefix : new String[] {"Immutable", "With"}) {
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        String valueType = top.getPackageName() + "." + name.substring(prefix.length());
        try {
          Class.forName(valueType, false, PublicFaceTest.class.getClassLoader());
          return valueType;
        } catch (ClassNotFoundException notAValueType) {
          return null;
        }
      }
    }
    return null;
  }

  /** Whether {@code target} is generated for a value type other than {@code origin}'s own. */
  private static boolean foreignGenerated(JavaClass origin, JavaClass target) {
    if (!target.getName().startsWith("org.iptkit.")) {
      return false;
    }
    String valueType = generatedFor(target);
    return valueType != null && !valueType.equals(topLevel(origin).getName());
  }

  /**
   * Every place a main class names a generated type of another value type. A call is judged by
   * the class the bytecode names as the method's owner (a call of {@code Session.Builder.date}
   * names {@code Session$Builder}, even though ArchUnit's dependency resolves it to the generated
   * superclass that declares the method); every other dependency (types of fields, parameters,
   * results, casts, supertypes) by its target.
   */
  static List<String> namingsOfGeneratedTypes(JavaClasses classes) {
    List<String> violations = new ArrayList<>();
    for (JavaClass origin : classes) {
      if (generatedFor(origin) != null) {
        continue;
      }
      for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
        if (foreignGenerated(origin, access.getTargetOwner())
            && !(access instanceof JavaMethodReference && reachableByTheFace(access))) {
          violations.add(access.getDescription());
        }
      }
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        String description = dependency.getDescription();
        boolean access = ACCESS.matcher(description).find();
        if (!access && foreignGenerated(origin, dependency.getTargetClass())) {
          violations.add(description);
        }
      }
    }
    return violations;
  }

  /**
   * Whether a method reference ({@code session::cpt}) names the generated builder only because
   * javac writes the class declaring the method into the method handle: the source names the
   * value type's public {@code Builder}, which extends the generated one.
   */
  private static boolean reachableByTheFace(JavaAccess<?> reference) {
    JavaClass owner = reference.getTargetOwner();
    String face = generatedFor(owner) + "$Builder";
    if (!owner.getSimpleName().equals("Builder")) {
      return false;
    }
    try {
      Class<?> builder = Class.forName(face, false, PublicFaceTest.class.getClassLoader());
      return builder.getSuperclass() != null
          && builder.getSuperclass().getName().equals(owner.getName());
    } catch (ClassNotFoundException noFace) {
      return false;
    }
  }

  private static final Pattern ACCESS =
      Pattern.compile("> (calls|references|gets|sets) (method|constructor|field) <");

  @Test
  void noMainClassNamesAGeneratedTypeOfAnotherValueType() {
    JavaClasses classes = everyModule();

    assertThat(classes.containPackage("org.iptkit.fhir")).isTrue();
    assertThat(classes.containPackage("org.iptkit.examples.embedding")).isTrue();
    assertThat(classes.containPackage("org.iptkit.json.internal")).isTrue();
    assertThat(namingsOfGeneratedTypes(classes)).isEmpty();
  }

  @Test
  void theCheckCatchesAClassThatNamesAGeneratedBuilder() {
    JavaClasses offender = new ClassFileImporter().importClasses(NamesAGeneratedBuilder.class);

    assertThat(namingsOfGeneratedTypes(offender))
        .anyMatch(d -> d.contains("org.iptkit.it.ImmutablePublicFaceProbe"));
  }

  @Test
  void noGeneratedClassIsPublic() {
    List<String> visible = new ArrayList<>();
    for (JavaClass javaClass : everyModule()) {
      if (generatedFor(javaClass) != null && javaClass.getEnclosingClass().isEmpty()
          && javaClass.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        visible.add(javaClass.getName());
      }
    }
    assertThat(visible).isEmpty();
  }

  /**
   * What the test must catch: a host class naming a generated type. The generated classes of
   * ipt-core and ipt-rules are package-private, so no class outside them even compiles against
   * them; the probe below stands in for one.
   */
  static final class NamesAGeneratedBuilder {
    Object builder() {
      return new ImmutablePublicFaceProbe();
    }
  }
}

/** A value type for the probe of {@link PublicFaceTest}. */
class PublicFaceProbe {}

/** Stands in for a class Immutables generates for {@link PublicFaceProbe}. */
class ImmutablePublicFaceProbe extends PublicFaceProbe {}
