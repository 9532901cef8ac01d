package org.iptkit.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** The Immutables style of the rules module's values: the same as the core's. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    jacksonIntegration = false,
    allowedClasspathAnnotations = {Override.class},
    depluralize = true,
    redactedMask = "***")
@interface RulesStyle {}
