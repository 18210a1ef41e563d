package org.deuce;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Deuce STM's annotation, declared here as a program written for Deuce would find it on its class path. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Atomic {
    int retries() default Integer.MAX_VALUE;

    String metainf() default "";
}
