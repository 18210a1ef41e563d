/**
 * Instructions in their transactional form: field and array barriers, redirected calls, monitors,
 * handlers kept from catching the abort, site numbers; shared by the twins of rewritten classes and
 * of the JDK.
 */
package org.stmagent.instrument.internal.transactional;
