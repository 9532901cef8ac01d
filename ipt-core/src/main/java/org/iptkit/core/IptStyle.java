package org.iptkit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the core model: JDK collections only, insertion order kept
 * (deterministic output), no Jackson integration, builders named {@code builder()}.
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
    depluralizeDictionary = {"person:people", "inventory:inventories", "focus:focus"},
    redactedMask = "***")
@interface IptStyle {}
