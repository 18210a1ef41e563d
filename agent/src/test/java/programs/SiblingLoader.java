package programs;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the counter program through a class loader whose parent is the boot loader, as an
 * application server's sibling loaders do, and runs it there (args: the programs folder as a URL).
 */
public final class SiblingLoader {
    public static void main(String[] args) throws Exception {
        try (URLClassLoader sibling = new URLClassLoader(new URL[] {new URL(args[0])}, null)) {
            Class<?> counter = Class.forName("programs.Counter", true, sibling);
            System.out.println("loaded by sibling: " + (counter.getClassLoader() == sibling));
            counter.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        }
    }
}
