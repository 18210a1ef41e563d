/**
 * What rewritten code knows of the runtime: the runtime's methods it calls, and the names of the
 * members the rewriter adds to a class.
 */
package org.stmagent.instrument.internal.seam;
