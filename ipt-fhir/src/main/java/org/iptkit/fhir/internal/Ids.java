package org.iptkit.fhir.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.iptkit.fhir.FhirVocabulary;

/**
 * Deterministic resource ids and canonical URLs: the same course always gives the same Bundle
 * (name-based UUIDs of the course id and the resource's place in the course), and a protocol id
 * maps to one PlanDefinition id and canonical URL.
 */
public final class Ids {
  private Ids() {}

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** A name-based UUID for the resource at {@code key} of the course {@code courseId}. */
  public static String uuid(String courseId, String key) {
    return UUID.nameUUIDFromBytes(
        ("iptkit|" + courseId + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The {@code urn:uuid:} full URL of a Bundle entry with this id. */
  public static String fullUrl(String uuid) {
    return "urn:uuid:" + uuid;
  }

  /** The FHIR resource id of a protocol's PlanDefinition: the protocol id where it is valid. */
  public static String planDefinitionId(String protocolId) {
    if (FHIR_ID.matcher(protocolId).matches()) {
      return protocolId;
    }
    String cleaned = protocolId.replaceAll("[^A-Za-z0-9\\-.]", "-");
    if (cleaned.length() > 64) {
      cleaned = cleaned.substring(0, 64);
    }
    return cleaned;
  }

  /** The canonical URL of a protocol's PlanDefinition. */
  public static String planDefinitionUrl(String protocolId) {
    return FhirVocabulary.PLAN_DEFINITION_BASE
        + URLEncoder.encode(protocolId, StandardCharsets.UTF_8);
  }

  /** The protocol id of an iptkit PlanDefinition canonical URL (a version suffix dropped). */
  public static String protocolOf(String canonical) {
    String tail = canonical.substring(FhirVocabulary.PLAN_DEFINITION_BASE.length());
    int bar = tail.indexOf('|');
    if (bar >= 0) {
      tail = tail.substring(0, bar);
    }
    return URLDecoder.decode(tail, StandardCharsets.UTF_8);
  }
}
