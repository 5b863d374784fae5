package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The files medcounsel keeps between runs to save time (name indexes, packed site sheets). A
 * cache file is only ever a shortcut: each one names what it was made from, so a stale, foreign
 * or damaged one is simply not used, and one that cannot be read or written costs only time.
 *
 * <p>Names come from a cheap 64-bit hash of the key (no message digest or secure random, whose
 * set-up would cost a short run more than the cache saves).
 */
final class CacheFolder {
    private CacheFolder() {}

    /** The cache file for {@code key}: {@code dir/prefix<hash>suffix}. */
    static Path file(Path dir, String prefix, String key, String suffix) {
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return dir.resolve(prefix + Long.toHexString(hash) + suffix);
    }

    /** Larger than anything medcounsel writes here (a packed 1 MiB sheet is smaller). */
    static final int MAX_BYTES = 8 << 20;

    /** The file's bytes, or empty when it is missing, unreadable or too large to be ours. */
    static Optional<byte[]> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Best effort, whole file or nothing: written beside the target, then moved over it. */
    static void write(Path file, byte[] bytes) {
        Path tmp = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                        + Thread.currentThread().getId() + "-" + System.nanoTime() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // Nothing more to do for a cache.
            }
        }
    }
}
