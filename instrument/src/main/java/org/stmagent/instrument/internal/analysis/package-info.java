/**
 * Reading classes without loading them: a class file as a tree, hierarchy facts from class files,
 * the exact types of values through a method, stack map frames; and the exceptions for what cannot
 * be resolved or converted.
 */
package org.stmagent.instrument.internal.analysis;
