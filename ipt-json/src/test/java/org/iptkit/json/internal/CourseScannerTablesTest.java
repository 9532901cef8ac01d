package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The course scanner knows each kind of object by the same field names, in the same order, as
 * the strict reader: a field the reader stops accepting must not go on being read by the fast
 * path, and the scanner's field numbers must mean the reader's fields.
 */
class CourseScannerTablesTest {
  private static final String[] KINDS = {"COURSE", "CONTRACT", "INVENTORY", "PERSON", "AREA",
      "FORMULATION", "SESSION", "MEASURE", "RATING"};

  @Test
  void everyKindOfObjectHasTheReadersFieldNamesInTheReadersOrder()
      throws ReflectiveOperationException {
    for (String kind : KINDS) {
      Field readerField = CourseJsonReader.class.getDeclaredField(kind);
      readerField.setAccessible(true);
      Field scannerField = CourseScanner.class.getDeclaredField(kind);
      scannerField.setAccessible(true);
      String[] readerNames = (String[]) readerField.get(null);
      List<String> scannerNames = new ArrayList<>();
      for (byte[] name : (byte[][]) scannerField.get(null)) {
        scannerNames.add(new String(name, StandardCharsets.US_ASCII));
      }
      assertThat(scannerNames).as(kind).containsExactly(readerNames);
    }
  }
}
