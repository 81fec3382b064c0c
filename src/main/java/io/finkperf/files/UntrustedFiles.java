package io.finkperf.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * Reads what module code wrote, which may be hostile: plain names only, links never followed
 * (the file and every folder below {@code root}), sizes capped, JSON parsed strictly.
 */
public final class UntrustedFiles {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,199}");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UntrustedFiles() {
    }

    /** A name that can only mean one entry of one folder: no separator, no {@code ..}, no leading dot. */
    public static String plainName(String name, String what) {
        if (name == null || !PLAIN_NAME.matcher(name).matches() || name.contains("..")) {
            throw new UntrustedFileException(what + " is not a plain file name: '" + printable(name) + "'");
        }
        return name;
    }

    /**
     * {@code root/name}, checked to be a regular file reached without any link, below a root that is
     * itself no link: the path where the caller may then open it.
     */
    public static Path regularFile(Path root, String... names) {
        Path p = checkedDir(root);
        for (int i = 0; i < names.length; i++) {
            p = p.resolve(plainName(names[i], "entry"));
            BasicFileAttributes a = attributes(p);
            boolean last = i == names.length - 1;
            if (a.isSymbolicLink() || (last ? !a.isRegularFile() : !a.isDirectory())) {
                throw new UntrustedFileException(p + " is " + (a.isSymbolicLink() ? "a symbolic link"
                        : last ? "not a regular file" : "not a folder"));
            }
        }
        return p;
    }

    /** {@code root} itself must be a real folder, not a link to one. */
    public static Path checkedDir(Path root) {
        BasicFileAttributes a = attributes(root);
        if (a.isSymbolicLink() || !a.isDirectory()) {
            throw new UntrustedFileException(root + " is " + (a.isSymbolicLink() ? "a symbolic link" : "not a folder"));
        }
        return root;
    }

    /** The bytes of a regular file opened without following a link, at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) {
        BasicFileAttributes a = attributes(file);
        if (a.isSymbolicLink() || !a.isRegularFile()) {
            throw new UntrustedFileException(file + " is " + (a.isSymbolicLink() ? "a symbolic link" : "not a regular file"));
        }
        if (a.size() > maxBytes) {
            throw new UntrustedFileException(file + " is " + a.size() + " bytes, more than the " + maxBytes + " allowed");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new UntrustedFileException(file + " grew beyond the " + maxBytes + " bytes allowed");
            }
            return bytes;
        } catch (IOException e) {
            throw new UntrustedFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A JSON document, parsed strictly (no duplicate keys, nothing after it). */
    public static JsonNode readJson(Path file, long maxBytes) {
        byte[] bytes = read(file, maxBytes);
        try {
            return STRICT.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UntrustedFileException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UntrustedFileException(file + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Copies a regular file without following links on either side, at most {@code maxBytes}. */
    public static void copy(Path from, Path to, long maxBytes) {
        BasicFileAttributes a = attributes(from);
        if (a.isSymbolicLink() || !a.isRegularFile() || a.size() > maxBytes) {
            throw new UntrustedFileException(from + " is " + (a.isSymbolicLink() ? "a symbolic link"
                    : !a.isRegularFile() ? "not a regular file" : a.size() + " bytes, more than the " + maxBytes + " allowed"));
        }
        try {
            Files.deleteIfExists(to);
            try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                         LinkOption.NOFOLLOW_LINKS)) {
                long n = in.transferTo(out);
                if (n > maxBytes) {
                    throw new UntrustedFileException(from + " grew beyond the " + maxBytes + " bytes allowed");
                }
            }
        } catch (IOException e) {
            throw new UntrustedFileException("cannot copy " + from + " to " + to + ": " + e.getMessage());
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UntrustedFileException(p + " is missing");
        }
    }

    /** At most 80 characters of {@code s}, control characters shown as {@code ?}: safe to print in one line. */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** What a module left behind is unusable or hostile: one line naming the file. */
    public static final class UntrustedFileException extends RuntimeException {
        public UntrustedFileException(String message) {
            super(message);
        }
    }
}
