package cn.parkflow.casefile;

import java.util.Map;

/** Checks that a file's first bytes are what its declared type says (a renamed .exe is not a PDF). */
final class FileSignature {

    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            // OFD (GB/T 33190) is a ZIP container
            "application/ofd", new byte[] {'P', 'K', 3, 4});

    /** How messages name the types. */
    static final Map<String, String> NAMES = Map.of(
            "application/pdf", "PDF", "image/jpeg", "JPG", "image/png", "PNG", "application/ofd", "OFD");

    private FileSignature() {
    }

    static boolean knows(String contentType) {
        return MAGIC.containsKey(contentType);
    }

    static boolean matches(String contentType, byte[] bytes) {
        byte[] magic = MAGIC.get(contentType);
        if (magic == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
