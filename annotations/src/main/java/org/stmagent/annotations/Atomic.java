package org.stmagent.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose whole body runs as one transaction when its class is rewritten by the
 * stm-agent.
 *
 * <p>The body runs optimistically, in parallel with other transactions, and is rolled back and
 * retried when it conflicts with a transaction that committed first. Calls nest flatly: an
 * {@code @Atomic} method called from inside a transaction (or a converted {@code synchronized}
 * region) joins the enclosing transaction. An exception leaving the method commits the effects
 * made so far and propagates, exactly as it would leave a {@code synchronized} method.
 *
 * <p>Without the agent, or in a class the agent does not include, the annotation has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Atomic {
}
