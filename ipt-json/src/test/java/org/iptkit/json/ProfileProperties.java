package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;

/**
 * Profile → JSON → profile is the identity for any valid profile, and a profile derived from a
 * registered one by its id alone inherits every parameter.
 */
class ProfileProperties {
  private static final IptJson COMPACT = IptJson.strict();
  private static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();
  private static final ProtocolRegistry BUILT_IN = ProtocolRegistry.builtIn();

  @Provide
  Arbitrary<ProtocolProfile> profiles() {
    return JsonArbitraries.profiles();
  }

  @Property(tries = 300)
  void writtenProfileReadsBackEqual(@ForAll("profiles") ProtocolProfile profile) {
    String compact = COMPACT.writeProfile(profile);
    String pretty = PRETTY.writeProfile(profile);

    assertThat(COMPACT.readProfile(compact, BUILT_IN)).isEqualTo(profile);
    assertThat(COMPACT.readProfile(pretty, BUILT_IN)).isEqualTo(profile);
  }

  @Property(tries = 200)
  void writingAProfileIsDeterministic(@ForAll("profiles") ProtocolProfile profile) {
    String first = PRETTY.writeProfile(profile);

    assertThat(PRETTY.writeProfile(COMPACT.readProfile(first, BUILT_IN))).isEqualTo(first);
  }

  @Property(tries = 200)
  void profileDerivedByIdAloneInheritsEveryParameter(@ForAll("profiles") ProtocolProfile parent) {
    if (BUILT_IN.contains(parent.id())) {
      return;
    }
    ProtocolRegistry registry = BUILT_IN.with(parent);
    ProtocolProfile child = COMPACT.readProfile(
        "{\"id\":\"child-of-" + parent.id() + "\",\"basedOn\":\"" + parent.id() + "\"}", registry);

    assertThat(child).isEqualTo(ProtocolProfile.builder().from(parent)
        .id("child-of-" + parent.id()).basedOn(parent.id()).build());
  }
}
