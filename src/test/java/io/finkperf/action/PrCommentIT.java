package io.finkperf.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/action/pr-comment.cjs against a local fake of the GitHub REST API: one pull request, its
 * comments in memory, every request recorded.
 */
class PrCommentIT {

    static final Path SCRIPT = Path.of(System.getProperty("finkperf.projectDir", "."))
            .resolve("scripts/action/pr-comment.cjs");
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String MARKER = "<!-- fink-perf-compare -->";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    HttpServer server;
    final List<String> requests = new ArrayList<>();
    final ArrayNode comments = JSON.createArrayNode();
    String pullHeadSha = SHA;
    int nextId = 100;

    @BeforeEach
    void fakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        requests.add(method + " " + path);
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"Bearer t0ken".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, "{\"message\": \"Bad credentials\"}");
            return;
        }
        if (method.equals("GET") && path.equals("/repos/astro/fink-science/pulls/42")) {
            reply(ex, 200, "{\"number\": 42, \"head\": {\"sha\": \"" + pullHeadSha + "\"}}");
        } else if (method.equals("GET") && path.equals("/repos/astro/fink-science/issues/42/comments")) {
            reply(ex, 200, comments.toString());
        } else if (method.equals("POST") && path.equals("/repos/astro/fink-science/issues/42/comments")) {
            ObjectNode c = comments.addObject();
            c.put("id", nextId++);
            c.put("body", JSON.readTree(in).path("body").asText());
            c.putObject("user").put("login", "github-actions[bot]");
            reply(ex, 201, c.toString());
        } else if (method.equals("PATCH") && path.startsWith("/repos/astro/fink-science/issues/comments/")) {
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            for (JsonNode c : comments) {
                if (c.path("id").asLong() == id) {
                    ((ObjectNode) c).put("body", JSON.readTree(in).path("body").asText());
                    reply(ex, 200, c.toString());
                    return;
                }
            }
            reply(ex, 404, "{}");
        } else {
            reply(ex, 404, "{\"message\": \"Not Found\"}");
        }
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    record Result(int exit, String output) {
    }

    private Result comment(String markdown, String prJson, String expectedSha) throws Exception {
        Path md = Files.writeString(tmp.resolve("compare.md"), markdown);
        Path pr = Files.writeString(tmp.resolve("pr.json"), prJson);
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GITHUB_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        env.put("GITHUB_REPOSITORY", "astro/fink-science");
        env.put("GITHUB_TOKEN", "t0ken");
        env.put("COMMENT_FILE", md.toString());
        env.put("PR_FILE", pr.toString());
        env.put("EXPECTED_HEAD_SHA", expectedSha);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static String pr(String number) {
        return "{\"number\": " + number + ", \"head_sha\": \"" + SHA + "\"}";
    }

    @Test
    void creates_one_comment_then_updates_it_in_place() throws Exception {
        // a comment of the PR's author carrying the marker must not be taken for ours
        ObjectNode other = comments.addObject();
        other.put("id", 7);
        other.put("body", MARKER + " forged");
        other.putObject("user").put("login", "someone");

        Result first = comment("## fink-perf compare\n| `slow_lc` | 1.295 |\n", pr("42"), SHA);
        assertEquals(0, first.exit(), first.output());
        Result second = comment("## fink-perf compare\n| `slow_lc` | 1.010 |\n", pr("42"), SHA);
        assertEquals(0, second.exit(), second.output());

        assertEquals(2, comments.size(), "the forged one and ours: " + comments);
        assertEquals(MARKER + " forged", comments.get(0).path("body").asText());
        String ours = comments.get(1).path("body").asText();
        assertTrue(ours.startsWith(MARKER + "\n"));
        assertTrue(ours.contains("1.010"), "updated: " + ours);
        assertEquals(1, requests.stream().filter(r -> r.startsWith("POST")).count(), requests.toString());
        assertEquals(List.of("PATCH /repos/astro/fink-science/issues/comments/100"),
                requests.stream().filter(r -> r.startsWith("PATCH")).toList());
    }

    @Test
    void refuses_a_pr_number_that_is_not_digits_without_calling_the_api() throws Exception {
        Result r = comment("x", "{\"number\": \"42/../../../user\", \"head_sha\": \"" + SHA + "\"}", SHA);
        assertEquals(1, r.exit());
        assertTrue(r.output().contains("not a positive integer"), r.output());
        assertEquals(List.of(), requests);
    }

    @Test
    void refuses_a_pull_request_whose_head_is_not_the_tested_commit() throws Exception {
        pullHeadSha = "ffffffffffffffffffffffffffffffffffffffff";
        Result r = comment("x", pr("42"), SHA);
        assertEquals(1, r.exit());
        assertTrue(r.output().contains("is not at " + SHA), r.output());
        assertEquals(List.of("GET /repos/astro/fink-science/pulls/42"), requests);
        assertEquals(0, comments.size());
    }

    @Test
    void refuses_an_artifact_whose_sha_is_not_the_runs() throws Exception {
        Result r = comment("x", pr("42"), "1111111111111111111111111111111111111111");
        assertEquals(1, r.exit());
        assertTrue(r.output().contains("does not match"), r.output());
        assertEquals(List.of(), requests);
    }

    @Test
    void cuts_a_body_too_long_for_github_and_drops_markers_inside_it() throws Exception {
        String huge = MARKER + "\n" + "x".repeat(70_000);
        Result r = comment(huge, pr("42"), SHA);
        assertEquals(0, r.exit(), r.output());
        String body = comments.get(0).path("body").asText();
        assertTrue(body.length() <= 65536, "length " + body.length());
        assertEquals(body.indexOf(MARKER), body.lastIndexOf(MARKER), "one marker only");
        assertTrue(body.contains("cut to fit a comment"));
    }
}
