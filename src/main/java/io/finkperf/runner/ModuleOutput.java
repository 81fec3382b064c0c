package io.finkperf.runner;

/**
 * What a module prints, made safe to show in a terminal and a CI job log: control characters
 * and bidirectional overrides removed, GitHub workflow commands ({@code ::set-env ...},
 * {@code ##[error]}) broken by a zero-width space so the runner never executes them.
 */
public final class ModuleOutput {

    private static final String ZWSP = "\u200B";

    private ModuleOutput() {
    }

    public static String sanitize(String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && !isBidiControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replace("::", ":" + ZWSP + ":").replace("##[", "#" + ZWSP + "#[");
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }
}
