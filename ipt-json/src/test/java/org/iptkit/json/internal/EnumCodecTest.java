package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Enumeration values are looked up from the parser's characters through a hash table: every
 * wire name of every enumeration must be found, wherever it sits in the buffer, and nothing else;
 * the same from the input's bytes.
 */
class EnumCodecTest {
  /** The codec of every enumeration the wire format has (courses, profiles, reports, agendas). */
  static List<EnumCodec<?>> codecs() {
    Set<EnumCodec<?>> codecs = new LinkedHashSet<>();
    List<WireFormat.ObjectType> roots = new ArrayList<>();
    WireFormat.DOCUMENTS.forEach(document -> roots.add(document.root()));
    roots.add(WireFormat.AGENDA_DOCUMENT.root());
    roots.forEach(root -> collect(root, codecs));
    return List.copyOf(codecs);
  }

  private static void collect(WireFormat.Shape shape, Set<EnumCodec<?>> codecs) {
    if (shape instanceof WireFormat.Choice choice && choice.type() != null) {
      codecs.add(EnumCodec.of(choice));
    } else if (shape instanceof WireFormat.ListOf list) {
      collect(list.items(), codecs);
    } else if (shape instanceof WireFormat.OrNull orNull) {
      collect(orNull.shape(), codecs);
    } else if (shape instanceof WireFormat.Keyed keyed) {
      collect(keyed.keys(), codecs);
      collect(keyed.values(), codecs);
    } else if (shape instanceof WireFormat.ObjectType object) {
      object.fields().forEach(field -> collect(field.shape(), codecs));
    }
  }

  static Object lookup(EnumCodec<?> codec, String text, int padding) {
    char[] chars = new char[text.length() + 2 * padding];
    java.util.Arrays.fill(chars, 'X');
    text.getChars(0, text.length(), chars, padding);
    Object byChars = codec.lookup(chars, padding, text.length());
    // The course scanner looks the same names up from the input's bytes.
    byte[] bytes = new String(chars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Object byBytes = codec.lookup(bytes, padding, text.length());
    assertThat(byBytes).as("by bytes: " + text).isSameAs(byChars);
    return byChars;
  }

  @Test
  void everyWireNameIsFoundFromCharactersAtAnyOffset() {
    List<EnumCodec<?>> codecs = codecs();
    assertThat(codecs).hasSizeGreaterThan(15);
    for (EnumCodec<?> codec : codecs) {
      String names = codec.oneOf().substring("one of ".length());
      for (String name : names.split(", ")) {
        Object byString = codec.lookup(name);
        assertThat(byString).isNotNull();
        assertThat(((Enum<?>) byString).name()).isEqualTo(name);
        for (int padding : new int[] {0, 1, 7}) {
          assertThat(lookup(codec, name, padding)).as(name).isSameAs(byString);
        }
      }
    }
  }

  @Test
  void nearMissesAreNotFound() {
    for (EnumCodec<?> codec : codecs()) {
      String names = codec.oneOf().substring("one of ".length());
      for (String name : names.split(", ")) {
        for (String miss : new String[] {name.toLowerCase(java.util.Locale.ROOT), "\u00c9" + name,
            name.substring(0, name.length() - 1), name + "_", " " + name, name + "X"}) {
          if (codec.lookup(miss) == null) {
            assertThat(lookup(codec, miss, 3)).as(miss).isNull();
          }
        }
      }
      assertThat(lookup(codec, "", 2)).isNull();
    }
  }
}
