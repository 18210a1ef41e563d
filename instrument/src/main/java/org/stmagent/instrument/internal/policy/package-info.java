/**
 * What a call inside a transaction does (its twin, as it is, or after making the transaction
 * inevitable), and which JDK classes get twins.
 */
package org.stmagent.instrument.internal.policy;
