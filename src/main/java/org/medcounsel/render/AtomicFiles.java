package org.medcounsel.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes whole files or nothing: each file goes to a temporary file in the same folder and is
 * moved into place atomically, so a reader (or a second run writing the same folder) only ever
 * sees complete files. Temporary files are removed on failure and, through a shutdown hook, on
 * Ctrl-C or SIGTERM.
 */
public final class AtomicFiles {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    /** Guards PENDING against the shutdown hook: no temporary file is made once it has run. */
    private static final Object LOCK = new Object();

    private static boolean closing;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static volatile boolean hooked;

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to {@code target}, replacing it.
     *
     * @param shown how messages name the file
     * @throws IOException naming the file and the reason (disk full, not writable)
     */
    public static void write(Path target, byte[] bytes, String shown) throws IOException {
        hook();
        Path tmp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would stick to the leaflet.
            Path candidate = target.resolveSibling(
                    "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            synchronized (LOCK) {
                if (closing) {
                    throw new IOException("stopping");
                }
                PENDING.add(candidate);
                Files.createFile(candidate);
                tmp = candidate;
            }
            Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + shown + ": " + reason(e), e);
        } catch (IOException e) {
            throw new IOException(
                    "cannot write " + shown + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
                PENDING.remove(tmp);
            }
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null
                ? e.getReason()
                : e.getClass().getSimpleName().replace("Exception", "");
    }

    /** Removes every temporary file still pending, as the JVM exits (Ctrl-C, SIGTERM). */
    private static void hook() {
        if (!hooked) {
            synchronized (AtomicFiles.class) {
                if (!hooked) {
                    Runtime.getRuntime()
                            .addShutdownHook(new Thread(
                                    () -> {
                                        synchronized (LOCK) {
                                            closing = true;
                                            PENDING.forEach(p -> {
                                                try {
                                                    Files.deleteIfExists(p);
                                                } catch (IOException | RuntimeException ignored) {
                                                    // Best effort while the JVM goes down.
                                                }
                                            });
                                        }
                                    },
                                    "medcounsel-cleanup"));
                    hooked = true;
                }
            }
        }
    }
}
