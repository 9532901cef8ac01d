package org.iptkit.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the rules module's values, as the core's: JDK collections only, no
 * Jackson integration, and the generated classes package-private (with the abstract type in every
 * generated signature), so a host sees each value type's own {@code builder()}, {@code Builder}
 * and factories, never an {@code Immutable*} class.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    jacksonIntegration = false,
    allowedClasspathAnnotations = {Override.class},
    depluralize = true,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    redactedMask = "***")
@interface RulesStyle {}
