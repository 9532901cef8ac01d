package org.iptkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import tools.jackson.core.Version;
import tools.jackson.core.Versioned;
import tools.jackson.core.util.VersionUtil;

/**
 * The version of this artifact, as the build wrote it into {@code package-version.properties}
 * (Maven resource filtering), for the Jackson module to report as Jackson's own modules report
 * theirs.
 */
public final class PackageVersion implements Versioned {
  /** This artifact's group, artifact id and version, e.g. {@code org.iptkit:ipt-json:0.1.0}. */
  public static final Version VERSION = load();

  private static Version load() {
    Properties properties = new Properties();
    try (InputStream in = PackageVersion.class.getResourceAsStream("package-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("package-version.properties is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return VersionUtil.parseVersion(properties.getProperty("version"),
        properties.getProperty("groupId"), properties.getProperty("artifactId"));
  }

  @Override
  public Version version() {
    return VERSION;
  }
}
