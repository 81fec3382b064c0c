package io.finkperf.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 as lower-case hex, the form the action's inputs and the cache use. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }

    public static String of(Path file) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return hex(d);
    }

    public static String of(String text) {
        MessageDigest d = digest();
        d.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return hex(d);
    }

    /** Normalises a user-given checksum ("sha256:ABC…" or "ABC…"); null or blank means "not pinned". */
    public static String parse(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String h = given.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("sha256:")) {
            h = h.substring("sha256:".length());
        }
        if (!HEX.matcher(h).matches()) {
            throw new IllegalArgumentException("--sha256 must be 64 hex digits, got '" + given.strip() + "'");
        }
        return h;
    }
}
