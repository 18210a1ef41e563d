/** Settings the runtime reads once, from the agent's options or system properties. */
package org.stmagent.runtime.settings;
