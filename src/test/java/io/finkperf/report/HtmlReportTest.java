package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final Set<String> VOID = Set.of("meta", "img", "br", "hr", "link", "input");
    static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    final String html = HtmlReport.render(ReportFixtures.run());

    @Test
    void tagsAreBalancedAndNested() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertBalanced(html);
    }

    @Test
    void selfContained() {
        assertFalse(html.contains("http://") || html.contains("https://"), "no network");
        assertFalse(Pattern.compile("<(script|link)[^>]+(src|href)=").matcher(html).find(), "no external script/css");
        assertTrue(html.contains("<style>") && html.contains("table.sortable"), "CSS inlined");
        assertTrue(html.contains("data-ready"), "JS inlined");
    }

    @Test
    void chartsAreEmbeddedPngs() throws Exception {
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> pngs = new ArrayList<>();
        while (m.find()) {
            pngs.add(Base64.getDecoder().decode(m.group(1)));
        }
        assertEquals(4, pngs.size(), "overview + 3 line profiles");
        for (byte[] png : pngs) {
            PngAssertions.assertNotBlank(PngAssertions.decode(png), 10);
        }
    }

    @Test
    void sortableTableHasOneRowPerModule() {
        assertTrue(html.contains("<table class=\"sortable modules\">"));
        for (String m : List.of("xmatch_local", "lc_features", "early_classifier", "slow_lc")) {
            assertTrue(html.contains("<tr data-module=\"" + m + "\">") || html.contains("data-module=\"" + m + "\">"),
                    m);
            assertTrue(html.contains("<section class=\"module\" id=\"m-" + m + "\">"), m);
        }
        assertTrue(html.contains("<td class=\"num\" data-value=\"502.020\">502</td>"), "numeric sort keys");
    }

    @Test
    void fullSourceLinesWithHeatAndEscaping() {
        // a never-run line, kept and escaped
        assertTrue(html.contains("# | never reached | &lt;b&gt;not bold&lt;/b&gt;"));
        assertFalse(html.contains("<b>not bold</b>"));
        assertTrue(html.contains("ok = (d2d.arcsec &lt; radius) | force"));
        assertTrue(html.contains("style=\"background:rgba("), "heat-coloured rows");
        assertTrue(html.contains("Traceback (most recent call last):\n  File &quot;&lt;driver&gt;&quot;"));
    }

    @Test
    void hostileNamesCannotInjectMarkup() {
        FunctionProfile f = new FunctionProfile("<x>.py", "<img src=x onerror=alert(1)>", 1, 10,
                List.of(new LineStat(1, 1, 10, "</td></tr></table><script>alert(1)</script>")));
        var evil = ReportFixtures.module("evil\"<script>", "<ml>", "a:<b>", ModuleStatus.ERROR,
                new ModuleError("exception", "ValueError", "bad <input> & \"quotes\"", "<tb>"),
                List.of(), 0, new LineProfile(List.of(f)));
        RunResults base = ReportFixtures.run();
        String page = HtmlReport.render(new RunResults(base.schema(), "<v>", base.startedAt(), null,
                base.environment(), base.config(), List.of(evil)));
        assertBalanced(page);
        assertEquals(1, count(page, "<script>"), "only the report's own script");
        assertFalse(page.contains("<img src=x"));
        assertTrue(page.contains("id=\"m-evil__script_\""));
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }

    /** Every non-void element closed in order; script and style bodies skipped. */
    static void assertBalanced(String page) {
        String body = page.replaceAll("(?s)<style>.*?</style>", "<style></style>")
                .replaceAll("(?s)<script>.*?</script>", "<script></script>")
                .replaceFirst("<!DOCTYPE html>", "");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(body);
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (VOID.contains(name)) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else if (open.isEmpty() || !open.peek().equals(name)) {
                fail("</" + name + "> closes <" + open.peek() + "> at " + m.start() + ": "
                        + body.substring(Math.max(0, m.start() - 80), m.start() + 10));
            } else {
                open.pop();
            }
        }
        assertTrue(open.isEmpty(), "unclosed: " + open);
        assertFalse(Pattern.compile("<[^a-zA-Z/!]").matcher(body.replaceAll("<[a-zA-Z/][^>]*>", "")).find(),
                "stray '<' in text");
    }
}
