package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The files medcounsel keeps between runs to save time (name indexes, packed site sheets). A
 * cache file is only ever a shortcut: each one names what it was made from, so a stale, foreign
 * or damaged one is simply not used, and one that cannot be read or written costs only time.
 *
 * <p>What is read from here is believed, so the folder must be the user's own: one that another
 * user owns, or that others may write, is not used at all ({@link #usable}). Each file carries a
 * checksum of what it keeps, so a file changed since it was written is a miss.
 *
 * <p>Names come from a cheap 64-bit hash of the key (no message digest or secure random, whose
 * set-up would cost a short run more than the cache saves).
 */
public final class CacheFolder {
    private CacheFolder() {}

    private static final int MAGIC = 0x4d43_4b31; // "MCK1": a cache file, then the CRC-32 of the rest
    private static final int HEADER = 8;

    /** The cache file for {@code key}: {@code dir/prefix<hash>suffix}. */
    static Path file(Path dir, String prefix, String key, String suffix) {
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return dir.resolve(prefix + Long.toHexString(hash) + suffix);
    }

    /**
     * What a file's bytes are, for keying what was made from them: the length and two different
     * 32-bit checksums, CRC-32 and Adler-32. Both run in zlib's native code, already loaded to
     * read the jar, so a sheet costs a fraction of a millisecond even in a cold JVM (measured:
     * CRC32C, or FNV-1a in a Java loop, cost 0.4 to 1 ms more on their first use).
     */
    static String contentKey(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue()) + ":" + Long.toHexString(adler.getValue());
    }

    /**
     * Whether medcounsel may read and write {@code dir}: it is the user's own and nobody else may
     * write it. A folder that does not exist yet is fine (it is made owner-only). Where the file
     * system has no POSIX permissions, there is nothing to judge by and the folder is used.
     */
    public static boolean usable(Path dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        PosixFileAttributes folder;
        try {
            folder = view.readAttributes();
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Set<PosixFilePermission> p = folder.permissions();
        return folder.isDirectory()
                && !p.contains(PosixFilePermission.GROUP_WRITE)
                && !p.contains(PosixFilePermission.OTHERS_WRITE)
                && ours(dir, folder.owner());
    }

    /**
     * Whether {@code owner} is the user running medcounsel: on Linux, the owner of /proc/self (the
     * process's own user, even one without a name); elsewhere, the user Java names.
     */
    private static boolean ours(Path dir, UserPrincipal owner) {
        try {
            return owner.equals(Files.getOwner(dir.getFileSystem().getPath("/proc/self")));
        } catch (IOException | RuntimeException e) {
            return owner.getName().equals(System.getProperty("user.name"));
        }
    }

    /** Larger than anything medcounsel writes here (a packed 1 MiB sheet is smaller). */
    static final int MAX_BYTES = 8 << 20;

    /**
     * What the file keeps, or empty when it is missing, unreadable, too large to be ours, or not
     * what was written (its checksum does not match).
     */
    static Optional<byte[]> read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES || bytes.length < HEADER) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER);
        if (header.getInt() != MAGIC || header.getInt() != checksum(bytes)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(bytes, HEADER, bytes.length));
    }

    /** Best effort, whole file or nothing: written beside the target, then moved over it. */
    static void write(Path file, byte[] kept) {
        byte[] bytes = new byte[HEADER + kept.length];
        System.arraycopy(kept, 0, bytes, HEADER, kept.length);
        ByteBuffer.wrap(bytes, 0, HEADER).putInt(MAGIC).putInt(checksum(bytes));
        replace(file, bytes, null);
    }

    /**
     * Best effort, whole file or nothing, for a file that other programs read as it is (the shell
     * completion table): no header, and dated {@code modified}, so a reader can compare it with
     * the files it was made from.
     */
    public static void writePlain(Path file, byte[] bytes, FileTime modified) {
        replace(file, bytes, modified);
    }

    /** Writes {@code bytes} beside {@code file}, dates it (unless null), then moves it over the file. */
    private static void replace(Path file, byte[] bytes, FileTime modified) {
        Path tmp = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                        + Thread.currentThread().getId() + "-" + System.nanoTime() + ".tmp");
        try {
            folder(file.getParent());
            Files.write(tmp, bytes);
            if (modified != null) Files.setLastModifiedTime(tmp, modified);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // Nothing more to do for a cache.
            }
        }
    }

    /** The CRC-32 of everything after the header. */
    private static int checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        return (int) crc.getValue();
    }

    /** Makes the cache folder if it is missing: owner-only, so it stays {@link #usable}. */
    private static void folder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // Made by another run at the same moment; it is judged like any other before use.
        }
    }
}
