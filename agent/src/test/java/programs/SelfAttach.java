package programs;

import com.sun.tools.attach.VirtualMachine;

/** Attaches the agent to its own JVM (args: agent jar, options), then uses a class loaded after. */
public final class SelfAttach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try {
            vm.loadAgent(args[0], args[1]);
        } finally {
            vm.detach();
        }
        Counter.main(new String[0]);
    }
}
