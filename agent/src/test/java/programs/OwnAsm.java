package programs;

import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An application that ships its own ASM: reads its own class with it and says which ASM it got.
 * Uses only API that every ASM 9 release has.
 */
public final class OwnAsm {
    public static void main(String[] args) throws Exception {
        int[] methods = new int[1];
        try (InputStream in = OwnAsm.class.getResourceAsStream("OwnAsm.class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    methods[0]++;
                    return null;
                }
            }, 0);
        }
        String jar = ClassReader.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println("asm jar: " + jar.substring(jar.lastIndexOf('/') + 1));
        System.out.println("asm knows V23: " + hasField(Opcodes.class, "V23"));
        System.out.println("methods: " + methods[0]);
    }

    private static boolean hasField(Class<?> type, String name) {
        try {
            type.getField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
