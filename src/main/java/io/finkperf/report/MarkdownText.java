package io.finkperf.report;

/** Text from results made safe for a GitHub-flavoured Markdown table cell. */
final class MarkdownText {

    private MarkdownText() {
    }

    /** Plain text: no line breaks, pipes escaped, HTML and Markdown punctuation neutralised. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
            switch (c) {
                case '|' -> out.append("\\|");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A code span that survives backticks and pipes in the code (GFM allows {@code \|} inside spans in tables). */
    static String code(String s) {
        String text = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
        if (text.isBlank()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`");
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }
}
