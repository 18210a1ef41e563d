package org.stmagent.agent;

/**
 * An agent option that is unknown or malformed. Its message is one line that names the option, says
 * where it came from and what is wrong, and lists the valid options.
 */
public final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem what is wrong, naming the option and its source, without the list of valid
     *                options (which this class appends)
     */
    public OptionException(String problem) {
        super(problem + ". Valid options: " + String.join(", ", AgentOptions.VALID_KEYS));
    }
}
