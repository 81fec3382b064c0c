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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a downloaded archive into one folder and nowhere else. Archives come from the internet
 * (or a pull request), so every entry is checked: no absolute names, no {@code ..}, no link that
 * resolves outside the folder. Links are created last, after every file is written, so no file
 * can be written through a link; hard links become copies. Zip symlinks are not recognised
 * (java.util.zip hides the Unix mode), so they land as small regular files: safe, if not faithful.
 */
public final class SafeExtractor {

    /** What a fetched file is, from its first bytes (the URL's name is not trusted: box.in2p3.fr serves ".../download"). */
    public enum Format { TAR_GZ, TAR, ZIP, PARQUET }

    private final Path root;
    private final List<String[]> symlinks = new ArrayList<>();
    private final List<String[]> hardlinks = new ArrayList<>();
    private long files;

    private SafeExtractor(Path root) {
        this.root = root.toAbsolutePath().normalize();
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
        SafeExtractor x = new SafeExtractor(target);
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
        try (InputStream in = raw) {
            TarReader tar = new TarReader(in);
            TarReader.Entry e;
            while ((e = tar.next()) != null) {
                Path dest = resolve(e.name());
                if (e.isSymlink()) {
                    symlinks.add(new String[] {e.name(), e.linkName()});
                } else if (e.isHardLink()) {
                    hardlinks.add(new String[] {e.name(), e.linkName()});
                } else if (e.isDirectory()) {
                    if (dest != null) {
                        Files.createDirectories(dest);
                    }
                } else if (e.isFile()) {
                    write(e.name(), dest, tar.content());
                } else {
                    throw unsafe(e.name(), "device, fifo or other special entry (type '" + e.type() + "')");
                }
            }
        }
    }

    private void zip(Path archive) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path dest = resolve(e.getName());
                if (e.isDirectory()) {
                    if (dest != null) {
                        Files.createDirectories(dest);
                    }
                } else {
                    write(e.getName(), dest, in);
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
        Files.createDirectories(dest.getParent());
        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
        files++;
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
        Path realRoot = root.toRealPath();
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
        // A chain of links can leave the tree although each one stays inside lexically.
        for (String[] l : symlinks) {
            Path link = resolve(l[0]);
            if (Files.exists(link) && !link.toRealPath().startsWith(realRoot)) {
                Files.delete(link);
                throw unsafe(l[0], "symlink to '" + l[1] + "' resolves outside the extraction folder");
            }
        }
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
