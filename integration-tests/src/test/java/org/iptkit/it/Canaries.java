package org.iptkit.it;

import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canary strings in every private field of a course: the patient and therapist references, the
 * person ids (and the problem areas that name them), the goals, what is satisfying and
 * unsatisfying in a relationship, the desired change, the roles of a transition and the rater.
 * Each canary names its field and says {@code Canary} and {@code Qz9}, neither of which any
 * message, report or rendering of the library contains on its own, so finding either in an
 * output means a private value leaked. The course id is left alone: it is a host identifier
 * reports carry by design (docs/format.md, Fidelity report).
 */
final class Canaries {
  /** The marks every canary carries. */
  static final Pattern LEAK = Pattern.compile("Canary|Qz9");
  /** The therapist canaries only, also as a chart label shortens them ("Canary Qz9 therapis…"). */
  static final Pattern THERAPIST = Pattern.compile("Canary Qz9 therap[^\\s<\"]*(?: \\d+)?");
  private static final JsonMapper TREES = JsonMapper.builder().build();

  private Canaries() {}

  /** The canary for {@code field}, numbered {@code n}. */
  static String canary(String field, int n) {
    return "Canary Qz9 " + field + " " + n;
  }

  /** The canary for an id: no spaces, as ids usually are. */
  static String idCanary(String field, int n, String original) {
    return "Canary-Qz9-" + field + "-" + n + "-" + original;
  }

  /**
   * The course with a canary in every private field, free-text fields added where the course had
   * none (goals to every contract, satisfying, unsatisfying and desired change to every person,
   * roles to every role transition, a rater to every fidelity rating).
   */
  static TreatmentCourse inject(TreatmentCourse course, int n) {
    return IptJson.strict().readCourse(injectJson(IptJson.strict().writeCourse(course), n));
  }

  /** The course document {@code json} with canaries injected (see {@link #inject}). */
  static String injectJson(String json, int n) {
    ObjectNode root = (ObjectNode) TREES.readTree(json);
    root.put("patientRef", idCanary("patientRef", n, "pt"));
    root.put("therapistRef", canary("therapistRef", n));
    for (JsonNode contract : array(root, "contracts")) {
      ArrayNode goals = ((ObjectNode) contract).putArray("goals");
      goals.add(canary("goal", n)).add(canary("goal", n + 1));
    }
    for (JsonNode inventory : array(root, "inventories")) {
      for (JsonNode p : array(inventory, "people")) {
        ObjectNode person = (ObjectNode) p;
        person.put("id", idCanary("id", n, person.get("id").asString()));
        person.putArray("satisfying").add(canary("satisfying", n));
        person.putArray("unsatisfying").add(canary("unsatisfying", n));
        person.put("desiredChange", canary("desiredChange", n));
      }
    }
    for (JsonNode a : array(root, "problemAreas")) {
      ObjectNode area = (ObjectNode) a;
      if (area.has("personId")) {
        area.put("personId", idCanary("id", n, area.get("personId").asString()));
      }
      if ("ROLE_TRANSITION".equals(area.get("type").asString())) {
        area.put("fromRole", canary("fromRole", n));
        area.put("toRole", canary("toRole", n));
      }
    }
    for (JsonNode rating : array(root, "fidelityRatings")) {
      ((ObjectNode) rating).put("rater", canary("rater", n));
    }
    return TREES.writeValueAsString(root);
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? java.util.List.of() : value;
  }

  /** Fails if {@code text} holds any canary. */
  static void assertNoLeak(String where, String text) {
    if (text == null) {
      return;
    }
    Matcher m = LEAK.matcher(text);
    if (m.find()) {
      int from = Math.max(0, m.start() - 60);
      fail("private data in %s: …%s…", where, text.substring(from,
          Math.min(text.length(), m.end() + 60)));
    }
  }

  /** Fails if the message, or the message of any cause, holds a canary. */
  static void assertNoLeak(String where, Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertNoLeak(where + " message", t.getMessage());
      assertNoLeak(where + " toString", t.toString());
    }
  }

  /**
   * Walks the iptkit values reachable from {@code root} through their public methods without
   * arguments (accessors and derived values such as scores, network metrics and comparisons) and
   * fails if the {@code toString()} of any of them, or the message of anything one of them throws,
   * holds a canary. Strings returned by accessors are the data itself and are not checked.
   */
  static void assertNoLeakInToString(Object root) {
    walk(root, "root", 0, new IdentityHashMap<>());
  }

  private static void walk(Object value, String path, int depth, Map<Object, Boolean> seen) {
    if (value == null || depth > 6 || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> walk(v, path, depth, seen));
      return;
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        walk(element, path + "[" + i++ + "]", depth, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        walk(k, path + ".key", depth, seen);
        walk(v, path + "[" + k + "]", depth, seen);
      });
      return;
    }
    Class<?> type = value.getClass();
    if (!type.getName().startsWith("org.iptkit.") || type.isEnum()) {
      return;
    }
    assertNoLeak(path + " (" + type.getSimpleName() + ").toString()", value.toString());
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
          || method.getReturnType() == void.class || IGNORED.contains(method.getName())
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Object result;
      try {
        result = method.invoke(value);
      } catch (InvocationTargetException e) {
        assertNoLeak(path + "." + method.getName() + "() threw", e.getCause());
        continue;
      } catch (IllegalAccessException e) {
        continue;
      }
      walk(result, path + "." + method.getName() + "()", depth + 1, seen);
    }
  }

  private static final Set<String> IGNORED = Set.of("hashCode", "toString", "getClass",
      "builder", "notify", "notifyAll", "wait");
}
