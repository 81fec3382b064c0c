package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Decodes a PNG and checks it is a real picture, not an empty canvas. */
final class PngAssertions {

    private PngAssertions() {
    }

    static BufferedImage decode(byte[] png) throws IOException {
        assertEquals(0x89, png[0] & 0xFF, "PNG signature");
        assertEquals('P', png[1]);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "ImageIO cannot decode the PNG");
        return img;
    }

    /** At least {@code min} distinct colours, sampling every other pixel. */
    static void assertNotBlank(BufferedImage img, int min) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() >= min, "only " + colours.size() + " distinct colours: blank image?");
    }

    /** How many pixels have exactly this colour: a bar of a known fill shows up as thousands. */
    static int count(BufferedImage img, Color c) {
        int n = 0;
        int rgb = c.getRGB() & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
