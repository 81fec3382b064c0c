package io.finkperf.fetch;

import io.finkperf.fetch.FetchException.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a downloaded archive into one folder and nowhere else, read with Apache Commons Compress.
 * Archives come from the internet (or a pull request), so every entry is checked: no absolute
 * names, no {@code ..}, no link that resolves outside the folder, even through other links or when
 * it dangles; and the whole is bounded ({@link Limits}: total bytes, file count, expansion ratio),
 * so a small bomb cannot fill the disk. Links are created last, after every file is written, so no
 * file can be written through a link; hard links become copies.
 */
public final class SafeExtractor {

    /**
     * @param maxBytes total bytes written
     * @param maxFiles entries written
     * @param maxRatio written bytes per archive byte, checked once more than {@link #RATIO_FLOOR} bytes are out
     */
    public record Limits(long maxBytes, long maxFiles, double maxRatio) {
        static final long RATIO_FLOOR = 64L << 20;

        /** 16 GiB, 200 000 files, ×200: far above Fink Data Transfer samples (parquet hardly compresses). */
        public static Limits defaults() {
            return new Limits(16L << 30, 200_000, 200);
        }
    }

    /** What a fetched file is, from its first bytes (the URL's name is not trusted: box.in2p3.fr serves ".../download"). */
    public enum Format { TAR_GZ, TAR, ZIP, PARQUET }

    private static final int MAX_LINK_DEPTH = 40;

    private final Path root;
    private final Limits limits;
    private final long archiveBytes;
    private final List<String[]> symlinks = new ArrayList<>();
    private final List<String[]> hardlinks = new ArrayList<>();
    private long files;
    private long bytes;

    private SafeExtractor(Path root, Limits limits, long archiveBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.limits = limits;
        this.archiveBytes = Math.max(1, archiveBytes);
    }

    public static Format detect(Path file) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new FetchException(Kind.ARCHIVE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Format.TAR_GZ;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.ZIP;
        }
        if (n >= 4 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
            return Format.PARQUET;
        }
        if (n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return Format.TAR;
        }
        throw new FetchException(Kind.ARCHIVE, file.getFileName() + " is not a tar.gz, tar, zip or parquet file ("
                + (n == 0 ? "empty" : "starts with " + printable(head, Math.min(n, 16))) + ")");
    }

    /** Extracts {@code archive} into {@code target} (created; expected empty). Returns the number of files written. */
    public static long extract(Path archive, Format format, Path target) {
        return extract(archive, format, target, Limits.defaults());
    }

    /** As {@link #extract(Path, Format, Path)}, within {@code limits}. */
    public static long extract(Path archive, Format format, Path target, Limits limits) {
        SafeExtractor x;
        try {
            x = new SafeExtractor(target, limits, Files.size(archive));
        } catch (IOException e) {
            throw new FetchException(Kind.ARCHIVE, "cannot read " + archive + ": " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(x.root);
            switch (format) {
                case TAR_GZ -> x.tar(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16));
                case TAR -> x.tar(new BufferedInputStream(Files.newInputStream(archive)));
                case ZIP -> x.zip(archive);
                case PARQUET -> x.single(archive);
            }
            x.links();
        } catch (FetchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FetchException(Kind.ARCHIVE, "cannot extract " + archive.getFileName() + " (" + format.name()
                    .toLowerCase(Locale.ROOT).replace('_', '.') + "): " + e.getMessage(), e);
        }
        return x.files;
    }

    private void tar(InputStream raw) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path dest = resolve(e.getName());
                if (e.isSymbolicLink()) {
                    symlinks.add(new String[] {e.getName(), e.getLinkName()});
                } else if (e.isLink()) {
                    hardlinks.add(new String[] {e.getName(), e.getLinkName()});
                } else if (e.isDirectory()) {
                    if (dest != null) {
                        Files.createDirectories(dest);
                    }
                } else if (e.isFile()) {
                    write(e.getName(), dest, tar);
                } else {
                    throw unsafe(e.getName(), "device, fifo or other special entry");
                }
            }
        }
    }

    private void zip(Path archive) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                Path dest = resolve(e.getName());
                if (e.isUnixSymlink()) {
                    symlinks.add(new String[] {e.getName(), zip.getUnixSymlink(e)});
                } else if (e.isDirectory()) {
                    if (dest != null) {
                        Files.createDirectories(dest);
                    }
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        write(e.getName(), dest, in);
                    }
                }
            }
        }
    }

    private void single(Path parquet) throws IOException {
        Files.copy(parquet, root.resolve("alerts.parquet"), StandardCopyOption.REPLACE_EXISTING);
        files++;
    }

    private void write(String name, Path dest, InputStream in) throws IOException {
        if (dest == null) {
            throw unsafe(name, "a file entry names the extraction folder itself");
        }
        if (++files > limits.maxFiles()) {
            throw tooBig("more than " + limits.maxFiles() + " files");
        }
        Files.createDirectories(dest.getParent());
        Files.deleteIfExists(dest);
        try (var out = Files.newOutputStream(dest, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                checkSize();
                out.write(buf, 0, n);
            }
        }
    }

    private void checkSize() {
        if (bytes > limits.maxBytes()) {
            throw tooBig("more than " + limits.maxBytes() + " bytes");
        }
        if (bytes > Limits.RATIO_FLOOR && bytes > limits.maxRatio() * archiveBytes) {
            throw tooBig(String.format(Locale.ROOT, "more than %.0f times its own size (%d bytes)", limits.maxRatio(),
                    archiveBytes));
        }
    }

    private FetchException tooBig(String what) {
        return new FetchException(Kind.ARCHIVE, "refusing archive: it expands to " + what
                + " (an archive bomb, or raise the limits); extraction stopped");
    }

    /** Hard links become copies of a file already extracted; symlinks must stay inside, lexically and for real. */
    private void links() throws IOException {
        for (String[] l : hardlinks) {
            Path dest = resolve(l[0]);
            Path src = resolve(l[1]);
            if (dest == null || src == null || !Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
                throw unsafe(l[0], "hard link to '" + l[1] + "', which is not a file of the archive");
            }
            Files.createDirectories(dest.getParent());
            Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING);
            files++;
        }
        for (String[] l : symlinks) {
            Path link = resolve(l[0]);
            String target = l[1];
            if (link == null) {
                throw unsafe(l[0], "a symlink replaces the extraction folder");
            }
            if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\") || target.matches("^[A-Za-z]:.*")) {
                throw unsafe(l[0], "symlink to absolute path '" + target + "'");
            }
            if (!link.getParent().resolve(target).normalize().startsWith(root)) {
                throw unsafe(l[0], "symlink to '" + target + "' points outside the extraction folder");
            }
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        }
        // A chain of links can leave the tree although each one stays inside lexically, even when it
        // dangles: walk each for real, never through another link but as its last step.
        for (String[] l : symlinks) {
            Path link = resolve(l[0]);
            if (!parentsAreReal(link) || !staysInside(link, 0)) {
                for (String[] all : symlinks) {
                    Files.deleteIfExists(resolve(all[0]));
                }
                throw unsafe(l[0], "symlink to '" + l[1] + "' resolves outside the extraction folder");
            }
        }
    }

    /** No folder between the root and {@code p} is a link (else the lexical checks mean nothing). */
    private boolean parentsAreReal(Path p) {
        for (Path cur = p.getParent(); cur != null && cur.startsWith(root) && !cur.equals(root); cur = cur.getParent()) {
            if (Files.isSymbolicLink(cur)) {
                return false;
            }
        }
        return true;
    }

    /** Follows the link component by component: inside all along, through no other link but as the last step. */
    private boolean staysInside(Path link, int depth) throws IOException {
        if (depth > MAX_LINK_DEPTH) {
            return false;
        }
        String target = Files.readSymbolicLink(link).toString();
        if (target.startsWith("/")) {
            return false;
        }
        Path cur = link.getParent();
        String[] parts = target.split("/");
        int last = parts.length - 1;
        while (last >= 0 && (parts[last].isEmpty() || parts[last].equals("."))) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (cur.equals(root)) {
                    return false;
                }
                cur = cur.getParent();
                continue;
            }
            Path next = cur.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (i != last || !staysInside(next, depth + 1)) {
                    return false;
                }
            }
            cur = next;
        }
        return cur.startsWith(root);
    }

    /** The entry's path under the root, or null for the root itself ("./"); refuses anything that could leave it. */
    Path resolve(String name) {
        if (name == null || name.indexOf('\0') >= 0) {
            throw unsafe(String.valueOf(name), "NUL in name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(name, "absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String s : name.split("[/\\\\]")) {
            if (s.equals("..")) {
                throw unsafe(name, "'..' in path");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Path p = root.resolve(String.join("/", parts)).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw unsafe(name, "path leaves the extraction folder");
        }
        return p;
    }

    private static FetchException unsafe(String entry, String why) {
        return new FetchException(Kind.ARCHIVE, "refusing archive entry '" + entry + "': " + why + "; nothing was extracted");
    }

    private static String printable(byte[] b, int n) {
        StringBuilder s = new StringBuilder("'");
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return s.append("'").toString();
    }
}
