package io.finkperf.report;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the PNG charts share: headless rendering, fonts, encoding, writing. */
final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    static Font mono(int style, int size) {
        return new Font(Font.MONOSPACED, style, size);
    }

    /** Writes {@code image} as {@code dir/file} in PNG, creating {@code dir}. */
    static void write(Path dir, String file, BufferedImage image) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), png(image));
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
    }
}
