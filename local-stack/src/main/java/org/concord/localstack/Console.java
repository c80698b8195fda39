package org.concord.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The launcher's one writer to the terminal: whole lines, each behind a fixed-width tag naming who speaks
 * ({@code concord}, {@code kafka}, {@code regions}...). Colours only on a terminal, never with {@code NO_COLOR}.
 *
 * <p>While the stack runs ({@link #detach()}), lines go through a queue that one thread writes out: a terminal
 * that stops reading (a paused terminal, a full pipe, a stopped {@code less}) then holds up nobody; lines beyond
 * the queue's room are counted and dropped (they are all in the log files anyway).
 */
public final class Console {

    public enum Colour {
        NONE(""), RED("31"), GREEN("32"), YELLOW("33"), BLUE("34"), MAGENTA("35"), CYAN("36"), BOLD("1");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }

    /** Wide enough for "notifications-2" and the separator. */
    static final int TAG_WIDTH = 16;
    static final int QUEUE_LINES = 10_000;

    private static final PrintStream OUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final boolean COLOURED = System.console() != null
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    private static final BlockingQueue<String> QUEUE = new ArrayBlockingQueue<>(QUEUE_LINES);
    private static final AtomicLong DROPPED = new AtomicLong();
    private static volatile Thread writer;

    private Console() {
    }

    /** From now on lines are queued and written by a thread of their own. */
    static synchronized void detach() {
        if (writer != null) {
            return;
        }
        writer = new Thread(Console::writeQueued, "console");
        writer.setDaemon(true);
        writer.start();
    }

    /** Waits, at most {@code patience}, for the queued lines to reach the terminal (at exit). */
    static void flush(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (writer != null && !QUEUE.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void info(String text) {
        line("concord", Colour.CYAN, Colour.NONE, text);
    }

    static void warn(String text) {
        line("concord", Colour.CYAN, Colour.YELLOW, text);
    }

    static void error(String text) {
        line("concord", Colour.CYAN, Colour.RED, text);
    }

    /** A line without a tag (the summary table). */
    static void plain(String text) {
        emit(text);
    }

    static void line(String tag, Colour tagColour, Colour textColour, String text) {
        emit(paint(tag(tag), tagColour) + paint(text, textColour));
    }

    static String tag(String tag) {
        String padded = tag.length() >= TAG_WIDTH - 2 ? tag.substring(0, TAG_WIDTH - 3) + " " : tag;
        return String.format("%-" + (TAG_WIDTH - 2) + "s| ", padded);
    }

    static String bold(String text) {
        return paint(text, Colour.BOLD);
    }

    private static void emit(String line) {
        if (writer == null) {
            synchronized (OUT) {
                OUT.println(line);
            }
        } else if (!QUEUE.offer(line)) {
            DROPPED.incrementAndGet();
        }
    }

    private static void writeQueued() {
        while (true) {
            try {
                String line = QUEUE.poll(1, TimeUnit.SECONDS);
                long dropped = DROPPED.getAndSet(0);
                if (dropped > 0) {
                    OUT.println(tag("concord") + dropped + " lines were not shown while the terminal was not reading"
                            + " (they are in the log files: ./concord logs <service>)");
                }
                if (line != null) {
                    OUT.println(line);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String paint(String text, Colour colour) {
        if (!COLOURED || colour == Colour.NONE) {
            return text;
        }
        return "\u001b[" + colour.code + "m" + text + "\u001b[0m";
    }
}
