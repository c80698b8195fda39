package org.concord.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the log files the stack's processes write (their stdout and stderr go straight to the file, never
 * through the launcher) and shows the lines worth reading on the terminal behind each process's tag. The
 * processes never wait for the launcher: if the launcher stalls, the files simply grow.
 */
final class LogFollower {

    static final long POLL_MILLIS = 200;
    /**
     * Kept in the log, not worth the terminal: routine warnings of a Kafka node, including the one it repeats every
     * second while a peer of its cluster is down or starting; and the header line the launcher writes at each start.
     */
    static final List<String> ROUTINE = List.of(
            "Performing controller activation",
            "Attempting to close NetworkClient that has already been closed",
            "could not be established. Node may not be available",
            " started by ./concord up at ");

    /** One followed file: where it was read up to, the unfinished last line, and what it said lately. */
    private static final class Followed {
        final String tag;
        final Console.Colour colour;
        final Path file;
        final ServiceOutput output;
        final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        long position;

        Followed(String tag, Console.Colour colour, Path file) {
            this.tag = tag;
            this.colour = colour;
            this.file = file;
            this.output = new ServiceOutput(file.toString());
        }
    }

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    LogFollower() {
        thread = new Thread(this::run, "log-follower");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts showing {@code file} from its current end (a process about to be started appends to it). */
    void follow(String name, String tag, Console.Colour colour, Path file) {
        Followed entry = new Followed(tag, colour, file);
        entry.position = size(file);
        followed.put(name, entry);
    }

    /** Reads what {@code name} wrote up to now, so its last words are known; returns them (the tail of this run). */
    List<String> drain(String name) {
        Followed entry = followed.get(name);
        if (entry == null) {
            return List.of();
        }
        read(entry);
        return entry.output.tail();
    }

    /** A new run of {@code name} begins: forget the last run's words (the file itself keeps everything). */
    void newRun(String name) {
        Followed entry = followed.get(name);
        if (entry != null) {
            read(entry);
            entry.output.forget();
        }
    }

    void stop() {
        running = false;
        followed.values().forEach(this::read);
        thread.interrupt();
    }

    private void run() {
        while (running) {
            followed.values().forEach(this::read);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(Followed entry) {
        synchronized (entry) {
            long size = size(entry.file);
            if (size < entry.position) {
                // the file was emptied or replaced: start again from its beginning
                entry.position = 0;
                entry.partial.reset();
            }
            if (size == entry.position) {
                return;
            }
            try (RandomAccessFile in = new RandomAccessFile(entry.file.toFile(), "r")) {
                in.seek(entry.position);
                byte[] buffer = new byte[64 * 1024];
                int read;
                while (entry.position < size && (read = in.read(buffer, 0, (int) Math.min(buffer.length, size - entry.position))) > 0) {
                    entry.position += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            line(entry, entry.partial.toString(StandardCharsets.UTF_8));
                            entry.partial.reset();
                        } else {
                            entry.partial.write(buffer[i]);
                        }
                    }
                }
            } catch (IOException e) {
                // the file went away (--fresh in another terminal?): nothing to show
            }
        }
    }

    private static void line(Followed entry, String text) {
        if (ROUTINE.stream().anyMatch(text::contains)) {
            return;
        }
        entry.output.accept(text).ifPresent(shown -> {
            Console.Colour colour = switch (shown.level()) {
                case ERROR -> Console.Colour.RED;
                case WARN -> Console.Colour.YELLOW;
                default -> Console.Colour.NONE;
            };
            Console.line(entry.tag, entry.colour, colour, shown.text());
        });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
