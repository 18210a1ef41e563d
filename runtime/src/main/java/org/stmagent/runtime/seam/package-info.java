/**
 * What rewritten bytecode calls: field, array and monitor barriers, field addresses, the JDK
 * collections' twins and the calls into them. Its names are fixed in {@link org.stmagent.runtime.seam.SeamNames}.
 */
package org.stmagent.runtime.seam;
