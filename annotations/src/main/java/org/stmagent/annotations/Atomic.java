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
 * The options apply to the outermost transaction only: a nested call joins the enclosing one as it is.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Atomic {
    /**
     * How many times the transaction is retried after being rolled back. When an attempt is rolled
     * back after that many retries, the call gives up and throws
     * {@code org.stmagent.runtime.RetryLimitExceededException}, with none of its effects left. A
     * transaction that has turned inevitable (after the agent's {@code inevitableAfter} aborts, or
     * for an irrevocable call) is no longer rolled back. Default: no limit.
     */
    int retries() default Integer.MAX_VALUE;

    /**
     * Failure atomicity: {@code true} rolls the transaction back when an exception leaves the method,
     * then rethrows it, so the method has no effect at all. Irrevocable actions already done (I/O,
     * native calls) stay done. Default {@code false}: the effects are committed and the exception
     * propagates, as when an exception leaves a {@code synchronized} method.
     */
    boolean rollbackOnException() default false;
}
