package org.medcounsel.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.medcounsel.counsel.Leaflets;
import org.medcounsel.sheet.Drug;

/**
 * A folder of leaflets, written safely: made if missing, locked for one run at a time (two runs at
 * once would mix two sites' leaflets), every file written whole or not at all, each leaflet with
 * what the index says of it, and the index made afresh from every leaflet the folder holds.
 */
public final class LeafletFolder implements AutoCloseable {
    /** Where the index keeps what each leaflet is (title, uses, dates), one small JSON file a leaflet. */
    public static final String DESCRIPTIONS = ".leaflets";

    /** The lock: a file holding the process id; one left by a process that has gone is taken over. */
    public static final String LOCK = ".medcounsel-leaflet.lock";

    private final Path dir;
    private final String shown;
    private final Path lock;

    /** What a batch wrote, and the drugs to say something of (in id order), once it is done. */
    public record Written(int leaflets, List<Drug> noted) {}

    private LeafletFolder(Path dir, String shown, Path lock) {
        this.dir = dir;
        this.shown = shown;
        this.lock = lock;
    }

    /**
     * The folder, made if missing, and locked for this run.
     *
     * @param shown how messages name the folder (as the user gave it)
     * @throws IOException when it is a file, cannot be made, or another run is writing it
     */
    public static LeafletFolder open(Path dir, String shown) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("cannot write to '" + shown + "': it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot make the folder '" + shown + "': " + e.getMessage(), e);
        }
        return new LeafletFolder(dir, shown, lock(dir, shown));
    }

    private static Path lock(Path dir, String shown) throws IOException {
        Path file = dir.resolve(LOCK);
        String me = String.valueOf(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(file, me, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                AtomicFiles.removeAtExit(file);
                return file;
            } catch (FileAlreadyExistsException e) {
                String holder = read(file);
                boolean alive = holder.matches("\\d{1,19}")
                        && ProcessHandle.of(Long.parseLong(holder))
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                if (alive) {
                    throw new IOException("another leaflet run (process " + holder + ") is writing " + shown
                            + "; wait for it to finish, or write to another folder");
                }
                Files.deleteIfExists(file); // left by a run that has gone
            }
        }
        throw new IOException("cannot lock " + shown + " for writing");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Lets the folder go: the lock is removed. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(lock);
        AtomicFiles.forget(lock);
    }

    /**
     * The leaflets of {@code ids} that are already in the folder, as file names. The index is not
     * one of them: it is made afresh from the folder every time.
     */
    public List<String> existing(Collection<String> ids, String ext) {
        List<String> existing = new ArrayList<>();
        for (String id : ids) {
            if (Files.exists(dir.resolve(id + "." + ext))) existing.add(id + "." + ext);
        }
        return existing;
    }

    /**
     * Makes and writes every leaflet, on all cores, each with its description for the index.
     * Each sheet is read, rendered and written and then let go, so memory stays flat however many
     * there are. The first failure stops the rest; leaflets already written are whole. An
     * interrupted caller (the shell's Ctrl-C) cancels the leaflets not yet started.
     */
    public Written write(
            List<String> ids, Leaflets leaflets, LeafletPrinter printer, LocalDate today, Progress progress) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger written = new AtomicInteger();
        Queue<Drug> noted = new ConcurrentLinkedQueue<>();
        // The shell cancels a command (Ctrl-C) by interrupting the thread that runs it; the
        // leaflets are written on other threads, so each asks that thread before it starts.
        Thread caller = Thread.currentThread();
        IntStream.range(0, ids.size()).parallel().forEach(i -> {
            if (failure.get() != null) return;
            if (caller.isInterrupted()) {
                failure.compareAndSet(null, new CancellationException("cancelled"));
                return;
            }
            try {
                Drug drug = leaflets.drug(ids.get(i), true);
                // Said after the run, in id order: an old sheet, or a language not shown (or stale).
                if (Leaflets.noted(drug, today)) noted.add(drug);
                Leaflets.Leaflet leaflet = leaflets.leaflet(drug);
                Renderer.Entry entry = printer.entry(leaflet, today);
                byte[] bytes = printer.print(leaflets, leaflet);
                AtomicFiles.write(dir.resolve(entry.file()), bytes, shown(entry.file()));
                LeafletIndex.describe(dir.resolve(DESCRIPTIONS), entry);
                written.incrementAndGet();
                progress.step();
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException(e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        progress.done();
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Drug> inOrder = new ArrayList<>(noted);
        inOrder.sort(Comparator.comparing(Drug::id));
        return new Written(written.get(), inOrder);
    }

    /**
     * Writes the index afresh from every leaflet in the folder (not just this run's), in the
     * run's words under the pharmacy's banner; returns how many it lists.
     */
    public int writeIndex(Leaflets leaflets, LeafletPrinter printer) throws IOException {
        String name = printer.indexName();
        List<Renderer.Entry> every = LeafletIndex.entries(dir, printer.extension(), name, DESCRIPTIONS);
        byte[] index = printer.index(leaflets.banner(leaflets.words()), leaflets.words(), every);
        AtomicFiles.write(dir.resolve(name), index, shown(name));
        return every.size();
    }

    private String shown(String file) {
        return shown.replaceAll("/+$", "") + "/" + file;
    }
}
