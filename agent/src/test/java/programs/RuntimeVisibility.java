package programs;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Supplier;

/**
 * Reaches the runtime from a class loader that sees nothing but the boot class path, as a sibling
 * loader of an application server would, and runs a transaction through it.
 */
public final class RuntimeVisibility {
    public static void main(String[] args) throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[0], null)) {
            Class<?> stm = Class.forName("org.stmagent.runtime.Stm", true, isolated);
            System.out.println("runtime loader: " + stm.getClassLoader());
            Supplier<String> body = () -> "in transaction";
            Object result = stm.getMethod("atomic", Supplier.class).invoke(null, body);
            System.out.println("atomic returned: " + result);
            System.out.println("segment limit: " + stm.getMethod("segmentLimit").invoke(null));
        }
    }
}
