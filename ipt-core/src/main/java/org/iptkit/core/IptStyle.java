package org.iptkit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the core model: JDK collections only, insertion order kept
 * (deterministic output), no Jackson integration, builders named {@code builder()}. The
 * generated classes are package-private ({@code visibility = PACKAGE}, with the abstract type in
 * every generated signature): a host sees each value type's own {@code builder()},
 * {@code Builder}, {@code copyOf} and {@code with*}. A missing required attribute and a null
 * value or element fail with {@link InvalidValueException}, like every impossible value.
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
    throwForInvalidImmutableState = InvalidValueException.class,
    throwForNullPointer = InvalidValueException.class,
    depluralizeDictionary = {"person:people", "inventory:inventories", "focus:focus"},
    redactedMask = "***")
@interface IptStyle {}
