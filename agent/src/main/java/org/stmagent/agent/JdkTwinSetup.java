package org.stmagent.agent;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.stmagent.instrument.ClassFileLocator;
import org.stmagent.instrument.JdkTwinWriter;
import org.stmagent.instrument.RewriteException;
import org.stmagent.instrument.RewritePolicy;
import org.stmagent.runtime.seam.JdkTwins;

/**
 * Lets transactions run the JDK's collections through twins (see the runtime's {@link JdkTwins}).
 * Twins are hidden classes in the JDK's own packages, nestmates of the classes they copy, calling
 * the runtime: so {@code java.base} is made to read the runtime's module (the boot loader's unnamed
 * module), and {@code java.lang.invoke} is opened to it for the one lookup that may define classes
 * in {@code java.util} and {@code java.lang}. Nothing else of the JDK changes.
 */
final class JdkTwinSetup {
    private JdkTwinSetup() {
    }

    static void install(Instrumentation instrumentation, RewritePolicy policy, TransformListener listener)
            throws ReflectiveOperationException {
        Module runtime = JdkTwins.class.getModule();
        Module base = Object.class.getModule();
        instrumentation.redefineModule(base, Set.of(runtime), Map.of(),
                Map.of("java.lang.invoke", Set.of(runtime)), Set.of(), Map.of());
        Field implLookup = MethodHandles.Lookup.class.getDeclaredField("IMPL_LOOKUP");
        implLookup.setAccessible(true);
        MethodHandles.Lookup trusted = (MethodHandles.Lookup) implLookup.get(null);
        JdkTwinWriter writer = new JdkTwinWriter(policy, ClassFileLocator.of(ClassLoader.getSystemClassLoader()));
        JdkTwins.install(new Source(writer, listener), trusted);
    }

    /** The runtime's source of twins: the writer, with one warning per method it cannot twin. */
    private static final class Source implements JdkTwins.Source {
        private final JdkTwinWriter writer;
        private final TransformListener listener;
        private final Set<String> warned = ConcurrentHashMap.newKeySet();

        Source(JdkTwinWriter writer, TransformListener listener) {
            this.writer = writer;
            this.listener = listener;
        }

        @Override
        public boolean covers(Class<?> type) {
            return type.getClassLoader() == null && JdkTwinWriter.covers(type.getName().replace('.', '/'));
        }

        @Override
        public byte[] twinClass(Class<?> declaring, String name, String descriptor) {
            try {
                return writer.twinClass(declaring.getName().replace('.', '/'), name, descriptor);
            } catch (RewriteException e) {
                if (warned.add(declaring.getName() + "." + name + descriptor)) {
                    listener.onWarning("no transactional version of " + declaring.getName() + "." + name + descriptor
                            + " (calls to it make transactions inevitable): " + e.getMessage());
                }
                return null;
            }
        }
    }
}
