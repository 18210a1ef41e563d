/**
 * The transaction core: descriptors and their slots, ownership records and the version clock, the
 * commit protocol, inevitability, serial mode, transactional monitors and adaptive plain runs.
 */
package org.stmagent.runtime.core;
