package org.concord.localstack.demo;

import java.io.PrintStream;

/**
 * Tells the demo as it happens: whole lines behind a fixed-width tag naming who speaks ({@code demo}, or the
 * service or topic that reacted), like the launcher's own output. Bold only on a terminal, never with
 * {@code NO_COLOR}.
 */
final class Narrator {

    static final String DEMO = "demo";
    static final int TAG_WIDTH = 16;

    private final PrintStream out;
    private final boolean coloured;

    Narrator(PrintStream out, boolean coloured) {
        this.out = out;
        this.coloured = coloured;
    }

    static Narrator toTerminal() {
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Narrator(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8), terminal);
    }

    /** A line from the demo itself. */
    void say(String text) {
        line(DEMO, text);
    }

    /** A line about what {@code who} (a service, a topic) did. */
    synchronized void line(String who, String text) {
        out.println(tag(who) + text);
    }

    /** A headline: bold on a terminal. */
    void headline(String text) {
        say(coloured ? "\u001b[1m" + text + "\u001b[0m" : text);
    }

    /** A blank line between the acts. */
    synchronized void pause() {
        out.println();
    }

    static String tag(String who) {
        String name = who.length() > TAG_WIDTH - 2 ? who.substring(0, TAG_WIDTH - 2) : who;
        return String.format("%-" + (TAG_WIDTH - 2) + "s| ", name);
    }
}
