package org.iptkit.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The official HL7 validator (HAPI's {@code FhirInstanceValidator} over the R4 core definitions)
 * with offline terminology: the iptkit CodeSystem and StructureDefinitions loaded, the code
 * systems HAPI knows in memory, any other code system (LOINC, SNOMED CT, CPT) reported as a
 * warning that it cannot be checked offline. One instance per test class: building it is slow.
 */
final class OfficialValidator {
  private final FhirValidator validator;
  private final ValidationSupportChain chain;
  private final FhirContext context;

  OfficialValidator() {
    context = IptFhir.create().context();
    PrePopulatedValidationSupport iptkit = new PrePopulatedValidationSupport(context);
    iptkit.addCodeSystem(IptFhir.create().codeSystem());
    for (StructureDefinition definition : IptFhir.create().structureDefinitions()) {
      iptkit.addStructureDefinition(definition);
    }
    UnknownCodeSystemWarningValidationSupport unknown =
        new UnknownCodeSystemWarningValidationSupport(context);
    unknown.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        iptkit,
        new SnapshotGeneratingValidationSupport(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        unknown);
    this.chain = chain;
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(false);
    validator = context.newValidator().registerValidatorModule(module);
  }

  /** The definition as a server holds it: with the snapshot generated from its differential. */
  StructureDefinition withSnapshot(StructureDefinition definition) {
    return (StructureDefinition) new SnapshotGeneratingValidationSupport(context)
        .generateSnapshot(new ValidationSupportContext(chain), definition.copy(),
            definition.getUrl(), null, definition.getName());
  }

  /** One finding of the validator, as severity, location and message. */
  record Finding(ResultSeverityEnum severity, String location, String message) {
    @Override
    public String toString() {
      return severity + " " + location + ": " + message;
    }
  }

  /** Everything the validator says about the resource. */
  List<Finding> validate(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    List<Finding> findings = new ArrayList<>();
    for (SingleValidationMessage message : result.getMessages()) {
      findings.add(new Finding(message.getSeverity(), message.getLocationString(),
          message.getMessage()));
    }
    return findings;
  }

  /** The errors (and fatal errors) the validator finds in the resource. */
  List<Finding> errors(IBaseResource resource) {
    return validate(resource).stream()
        .filter(f -> f.severity() == ResultSeverityEnum.ERROR
            || f.severity() == ResultSeverityEnum.FATAL)
        .toList();
  }
}
