package org.iptkit.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.DiscriminatorType;
import org.hl7.fhir.r4.model.ElementDefinition.SlicingRules;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.UriType;

/** Generates the {@code StructureDefinition} of every iptkit extension from its {@link Ext}. */
public final class StructureDefinitions {
  private StructureDefinitions() {}

  private static final String EXTENSION = "http://hl7.org/fhir/StructureDefinition/Extension";

  /** The StructureDefinitions of all iptkit extensions, in catalog order. */
  public static List<StructureDefinition> all() {
    List<StructureDefinition> all = new ArrayList<>();
    for (Ext ext : Ext.values()) {
      all.add(of(ext));
    }
    return all;
  }

  /** The StructureDefinition of one extension. */
  public static StructureDefinition of(Ext ext) {
    StructureDefinition sd = new StructureDefinition();
    sd.setId(ext.extensionName());
    sd.setUrl(ext.url());
    sd.setName(computableName(ext.extensionName()));
    sd.setTitle("iptkit " + ext.extensionName().replace('-', ' '));
    sd.setStatus(PublicationStatus.ACTIVE);
    sd.setExperimental(false);
    sd.setPublisher("iptkit");
    sd.setDescription(ext.definition());
    sd.setFhirVersion(FHIRVersion._4_0_1);
    sd.setKind(StructureDefinitionKind.COMPLEXTYPE);
    sd.setAbstract(false);
    for (String context : ext.contexts()) {
      sd.addContext().setType(ExtensionContextType.ELEMENT).setExpression(context);
    }
    sd.setType("Extension");
    sd.setBaseDefinition(EXTENSION);
    sd.setDerivation(TypeDerivationRule.CONSTRAINT);
    List<ElementDefinition> elements = sd.getDifferential().getElement();
    ElementDefinition root = element("Extension", "Extension");
    root.setShort(shortText(ext.definition())).setDefinition(ext.definition())
        .setMin(0).setMax(ext.repeats() ? "*" : "1");
    elements.add(root);
    if (ext.isComplex()) {
      ElementDefinition slices = element("Extension.extension", "Extension.extension");
      slices.getSlicing().addDiscriminator().setType(DiscriminatorType.VALUE).setPath("url");
      slices.getSlicing().setRules(SlicingRules.CLOSED);
      slices.setMin((int) ext.subs().stream().filter(s -> s.min() > 0).count());
      elements.add(slices);
      for (Ext.Sub sub : ext.subs()) {
        String id = "Extension.extension:" + sub.name();
        ElementDefinition slice = element(id, "Extension.extension");
        slice.setSliceName(sub.name()).setShort(shortText(sub.definition()))
            .setDefinition(sub.definition()).setMin(sub.min()).setMax(sub.max());
        elements.add(slice);
        elements.add(element(id + ".extension", "Extension.extension.extension").setMax("0"));
        elements.add(element(id + ".url", "Extension.extension.url")
            .setFixed(new UriType(sub.name())));
        ElementDefinition value = element(id + ".value[x]", "Extension.extension.value[x]")
            .setMin(1);
        ElementDefinition.TypeRefComponent type = value.addType().setCode(sub.type());
        if (sub.type().equals("Reference")) {
          type.addTargetProfile("http://hl7.org/fhir/StructureDefinition/"
              + (sub.name().equals("goal") ? "Goal" : "RelatedPerson"));
        }
        elements.add(value);
      }
      elements.add(element("Extension.url", "Extension.url").setFixed(new UriType(ext.url())));
      elements.add(element("Extension.value[x]", "Extension.value[x]").setMax("0"));
    } else {
      elements.add(element("Extension.extension", "Extension.extension").setMax("0"));
      elements.add(element("Extension.url", "Extension.url").setFixed(new UriType(ext.url())));
      ElementDefinition value = element("Extension.value[x]", "Extension.value[x]").setMin(1);
      value.addType().setCode(ext.valueType());
      elements.add(value);
    }
    return sd;
  }

  private static ElementDefinition element(String id, String path) {
    ElementDefinition element = new ElementDefinition();
    element.setId(id);
    element.setPath(path);
    return element;
  }

  private static String shortText(String definition) {
    int dot = definition.indexOf(". ");
    String first = dot < 0 ? definition : definition.substring(0, dot + 1);
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  /** {@code session-number} → {@code SessionNumber}. */
  static String computableName(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
      out.insert(0, 'P');
    }
    return out.toString();
  }
}
