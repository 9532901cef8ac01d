package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a page's tags are balanced and that it loads nothing from elsewhere. */
final class HtmlCheck {
  private static final Pattern TAG =
      Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>");
  private static final Set<String> VOID = Set.of("meta", "br", "img", "input", "link", "hr");

  private HtmlCheck() {}

  /** Asserts that every element opened is closed, in order, and that the page stands alone. */
  static void assertSelfContained(String html) {
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
      if (VOID.contains(name) || !tag.group(3).isEmpty()) {
        continue;
      }
      if (tag.group(1).isEmpty()) {
        open.push(name);
      } else {
        assertThat(open).as("closing </%s> at %d", name, tag.start()).isNotEmpty();
        assertThat(open.pop()).as("closing </%s> at %d", name, tag.start()).isEqualTo(name);
      }
    }
    assertThat(open).as("elements left open").isEmpty();
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .doesNotContain("<script", "<link", " src=", "href=", "@import", "url(");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }
}
