package org.concord.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The launcher's one writer to the terminal: whole lines, each behind a fixed-width tag naming who speaks
 * ({@code concord}, {@code kafka}, {@code regions}...). Colours only on a terminal, never with {@code NO_COLOR}.
 */
final class Console {

    enum Colour {
        NONE(""), RED("31"), GREEN("32"), YELLOW("33"), BLUE("34"), MAGENTA("35"), CYAN("36"), BOLD("1");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }

    /** Wide enough for "notifications" and the separator. */
    static final int TAG_WIDTH = 16;

    private static final PrintStream OUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final boolean COLOURED = System.console() != null
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private Console() {
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
    static synchronized void plain(String text) {
        OUT.println(text);
    }

    static synchronized void line(String tag, Colour tagColour, Colour textColour, String text) {
        OUT.println(paint(tag(tag), tagColour) + paint(text, textColour));
    }

    static String tag(String tag) {
        String padded = tag.length() >= TAG_WIDTH - 2 ? tag.substring(0, TAG_WIDTH - 3) + " " : tag;
        return String.format("%-" + (TAG_WIDTH - 2) + "s| ", padded);
    }

    static String bold(String text) {
        return paint(text, Colour.BOLD);
    }

    private static String paint(String text, Colour colour) {
        if (!COLOURED || colour == Colour.NONE) {
            return text;
        }
        return "\u001b[" + colour.code + "m" + text + "\u001b[0m";
    }
}
