/** Reports built from the recorded statistics: the shutdown report (text and JSON) and the MBean. */
package org.stmagent.runtime.report;
