/**
 * What the runtime records while transactions run: per-thread statistics and timings, source
 * sites, conflicts and inevitable waits, and flight-recorder events. Of the rest it knows only
 * the settings and the seam's names.
 */
package org.stmagent.runtime.stats;
