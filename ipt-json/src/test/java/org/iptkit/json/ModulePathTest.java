package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * ipt-json on the module path: the named module {@code org.iptkit.json} exports its API, keeps
 * its readers and writers to itself, provides its Jackson module as a service that Jackson finds
 * ({@code findAndAddModules()}), and reads its JSON Schemas from inside the module. Run by the
 * build's {@code module-path} test execution, which sets {@code iptkit.modulePath}; the class-path
 * run skips it.
 */
class ModulePathTest {
  @BeforeAll
  static void onlyOnTheModulePath() {
    assumeTrue(Boolean.getBoolean("iptkit.modulePath"), "run by the module-path execution");
  }

  @Test
  void jsonIsANamedModuleThatKeepsItsInternalsToItself() {
    Module module = IptJson.class.getModule();

    assertThat(module.isNamed()).as("on the module path").isTrue();
    assertThat(module.getName()).isEqualTo("org.iptkit.json");
    assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
        .containsExactly("org.iptkit.json");
    assertThat(module.isExported("org.iptkit.json.internal")).isFalse();
  }

  @Test
  void jacksonFindsTheIptkitModuleThroughTheServiceTheDescriptorProvides() {
    ModuleDescriptor descriptor = IptJson.class.getModule().getDescriptor();
    assertThat(descriptor.provides()).anySatisfy(provides -> {
      assertThat(provides.service()).isEqualTo(JacksonModule.class.getName());
      assertThat(provides.providers()).containsExactly(IptJsonModule.class.getName());
    });

    JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

    assertThat(JacksonModule.class.getModule().getName()).isEqualTo("tools.jackson.databind");
    assertThat(mapper.registeredModules()).hasAtLeastOneElementOfType(IptJsonModule.class);
  }

  @Test
  void schemasAndCoursesAreReadFromInsideTheModule() {
    assertThat(IptJson.schema("course")).contains("\"$schema\"");

    TreatmentCourse course = IptJson.strict().readCourse("{\"schemaVersion\": \"1.0\","
        + " \"courseId\": \"c-1\", \"protocol\": \"ipt-acute-16\", \"status\": \"ONGOING\","
        + " \"sessions\": []}");

    assertThat(course.courseId()).isEqualTo("c-1");
  }
}
