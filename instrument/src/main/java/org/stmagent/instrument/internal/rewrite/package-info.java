/**
 * The passes that rewrite one class: twins of its methods, wrappers for atomic methods, converted
 * {@code synchronized} blocks and their plain copies, constructors, dispatch prologues, the class
 * initialiser.
 */
package org.stmagent.instrument.internal.rewrite;
