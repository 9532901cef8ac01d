package org.iptkit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one list of the model whose elements may be {@code null}: the items of a measure,
 * where {@code null} is an unanswered item. Immutables recognises the annotation by its name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.SOURCE)
@interface AllowNulls {}
