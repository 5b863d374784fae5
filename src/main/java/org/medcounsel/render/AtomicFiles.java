package org.medcounsel.render;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
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
    private static final SecureRandom RANDOM = new SecureRandom();
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
            // A short name of its own: the target's name plus a suffix could pass the file
            // system's limit (255 bytes) for a long drug id.
            Path candidate = target.resolveSibling(".medcounsel-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
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

    /** Removes {@code file} if the JVM is stopped (Ctrl-C, SIGTERM) before {@link #forget} is called. */
    public static void removeAtExit(Path file) {
        hook();
        synchronized (LOCK) {
            PENDING.add(file);
        }
    }

    /** No longer removes {@code file} at exit. */
    public static void forget(Path file) {
        synchronized (LOCK) {
            PENDING.remove(file);
        }
    }

    /** Why a file operation failed, in words: "permission denied", not an exception's name. */
    static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof FileAlreadyExistsException) return "it already exists";
        if (e instanceof DirectoryNotEmptyException) return "a folder that is not empty is in the way";
        if (e.getReason() != null) return e.getReason().toLowerCase(Locale.ROOT);
        return "it cannot be written";
    }

    /** An I/O failure as one line: the file and the reason in words. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return "cannot use " + f.getFile() + ": " + reason(f);
        }
        return e.getMessage() == null ? "input or output failed" : e.getMessage();
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
