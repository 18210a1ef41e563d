/**
 * Transactional twins of the JDK's collections, one class per method, for the runtime to define
 * as hidden nestmates of the JDK classes.
 */
package org.stmagent.instrument.internal.jdk;
