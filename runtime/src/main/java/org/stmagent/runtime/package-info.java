/**
 * The public API of the runtime, for programs that use it as a library or beside the agent:
 * {@link org.stmagent.runtime.Stm} and the exceptions and helpers a transaction may meet.
 */
package org.stmagent.runtime;
