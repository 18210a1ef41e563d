/** Which methods and constructors outside the rewritten classes a transaction may run as they are. */
package org.stmagent.instrument.internal.purity;
