package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonJson;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.LineChange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CompareWritersTest {

    @Nested
    class Markdown {

        @Test
        void matches_the_golden_file() throws IOException {
            ReportGolden.assertMatches("compare.md", CompareMarkdown.render(CompareFixtures.comparison()));
        }

        @Test
        void stays_under_the_pr_comment_limit_with_many_modules_by_dropping_details() {
            Comparison c = CompareFixtures.comparison();
            List<ComparisonModule> many = new ArrayList<>();
            ComparisonModule slow = CompareFixtures.slower();
            List<LineChange> lines = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                lines.add(slow.lines().get(0));
            }
            for (int i = 0; i < 120; i++) {
                many.add(new ComparisonModule("module_" + i, "feature", ComparisonVerdict.SLOWER, null, 72, slow.time(),
                        slow.noise(), slow.noiseFloor(), slow.wall(), slow.cpu(), CompareFixtures.changedOutput().output(),
                        slow.baseStart(), slow.headStart(), lines, slow.samples()));
            }
            String md = CompareMarkdown.render(new Comparison(c.schema(), c.toolVersion(), c.startedAt(), c.finishedAt(),
                    true, c.base(), c.head(), c.settings(), null, many));
            assertTrue(md.length() < CompareMarkdown.LIMIT, "length " + md.length());
            assertTrue(md.contains("module details left out"), "says what it left out");
            assertTrue(md.contains("| `module_119` |"), "the table keeps every module");
        }

        @Test
        void an_offline_comparison_says_drift_is_not_cancelled() {
            Comparison c = CompareFixtures.comparison();
            String md = CompareMarkdown.render(new Comparison(c.schema(), c.toolVersion(), c.startedAt(), c.finishedAt(),
                    false, c.base(), c.head(), c.settings(), null, c.modules()));
            assertTrue(md.contains("not interleaved: machine drift is not cancelled"));
        }
    }

    @Nested
    class JUnitXml {

        @Test
        void one_case_per_module_failing_slower_changed_output_and_failed_on_head() throws Exception {
            String xml = CompareJUnitXml.render(CompareFixtures.comparison());
            ReportGolden.assertMatches("compare-junit.xml", xml);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("5", doc.getDocumentElement().getAttribute("tests"));
            assertEquals("3", doc.getDocumentElement().getAttribute("failures"));
            assertEquals("2", doc.getDocumentElement().getAttribute("skipped"));
        }
    }

    @Nested
    class Chart {

        @Test
        void one_row_per_module_with_the_slower_module_in_red() throws IOException {
            byte[] png = CompareChart.png(CompareFixtures.comparison());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(900, img.getWidth());
            assertEquals(64 + 56 + 44 * 5, img.getHeight());
            assertTrue(countColour(img, CompareChart.SLOWER) > 50, "red whiskers and label");
            assertTrue(countColour(img, CompareChart.NOISE_BAND) > 500, "shaded noise bands");
        }

        private static int countColour(BufferedImage img, java.awt.Color c) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) {
                    n += img.getRGB(x, y) == c.getRGB() ? 1 : 0;
                }
            }
            return n;
        }
    }

    @Test
    void html_page_has_the_table_the_chart_and_every_line_escaped() {
        String html = CompareHtml.render(CompareFixtures.comparison());
        assertTrue(html.contains("<img class=\"chart\""));
        for (ComparisonModule m : CompareFixtures.comparison().modules()) {
            assertTrue(html.contains("<code>" + m.name() + "</code>"), m.name());
        }
        assertTrue(html.contains("<del>total += d2 / (1.0 + dt / tau)</del>"), "the edited line's old text");
        assertTrue(html.contains("ZTF19a|pipe`tick"), "ids as text");
        assertFalse(html.contains("<script>alert"), "nothing unescaped");
    }

    @Test
    void compare_json_round_trips_every_record(@TempDir Path dir) throws IOException {
        Comparison c = CompareFixtures.comparison();
        new ComparisonJsonWriter().write(c, dir);
        Comparison back = ComparisonJson.read(dir.resolve(ComparisonJson.FILE));
        assertEquals(c, back);
        String json = Files.readString(dir.resolve(ComparisonJson.FILE));
        assertTrue(json.contains("\"schema\" : \"fink-perf/compare/1\""));
        assertTrue(json.contains("\"verdict\" : \"too noisy to judge\""));
        assertFalse(json.contains("\"spread\""), "derived figures are not stored");
    }
}
