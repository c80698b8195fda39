package org.concord.localstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a process's console output (a service's or a Kafka node's) line by line: decides what the terminal shows (INFO from
 * {@code org.concord}, every WARN and ERROR, no stack frames) and remembers the tail, so that when a service
 * dies the launcher can say in one line why.
 */
final class ServiceOutput {

    /**
     * The console pattern each service is started with (Boot's own abbreviates logger names, which would
     * hide whether a line comes from {@code org.concord}), with the trace and span ids of the line's work (empty
     * outside a trace). Logback appends a stack trace after the line.
     */
    static final String LOG_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%t] [%X{traceId:-},%X{spanId:-}] %logger : %m%n";

    static final int MAX_CONTINUATION_LINES = 10;
    static final int TAIL_LINES = 500;

    private static final Pattern ENTRY =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) \\[.*?\\] (\\S+) : (.*)$");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (more|common frames omitted))");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*\\.)+([\\w$]*(?:Exception|Error)))(: .*)?$");

    enum Level { TRACE, DEBUG, INFO, WARN, ERROR, OUTPUT }

    /** A line for the terminal; its level picks the colour. */
    record ConsoleLine(Level level, String text) {
    }

    /** One parsed log entry's first line. */
    record Entry(Level level, String logger, String message) {

        static Optional<Entry> parse(String line) {
            Matcher matcher = ENTRY.matcher(line);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(Level.valueOf(matcher.group(1)), matcher.group(2), matcher.group(3)));
        }

        boolean fromConcord() {
            return logger.startsWith("org.concord.");
        }
    }

    private final String logFile;
    private final Deque<String> tail = new ArrayDeque<>();
    private Level level = Level.OUTPUT;
    private boolean showing = true;
    private int continuationLines;
    private boolean cut;

    /** @param logFile where the full output goes, named when a stack trace is cut short */
    ServiceOutput(String logFile) {
        this.logFile = logFile;
    }

    /** Whether the terminal shows an entry: our own INFO lines, everyone's warnings and errors. */
    static boolean shows(Entry entry) {
        return entry.level() == Level.WARN
                || entry.level() == Level.ERROR
                || entry.level() == Level.INFO && entry.fromConcord();
    }

    synchronized Optional<ConsoleLine> accept(String line) {
        remember(line);
        Optional<Entry> parsed = Entry.parse(line);
        if (parsed.isPresent()) {
            Entry entry = parsed.get();
            level = entry.level();
            showing = shows(entry);
            continuationLines = 0;
            cut = false;
            if (!showing || entry.message().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ConsoleLine(level, format(entry)));
        }
        // A line that is not a log entry belongs to the entry above (a stack trace, a multi-line message),
        // or, before the first entry, comes from the JVM itself ("Error: Unable to access jarfile").
        if (!showing || line.isBlank()) {
            return Optional.empty();
        }
        if (STACK_FRAME.matcher(line).find() || continuationLines >= MAX_CONTINUATION_LINES) {
            if (cut) {
                return Optional.empty();
            }
            cut = true;
            return Optional.of(new ConsoleLine(level, "    ... (the rest is in " + logFile + ")"));
        }
        continuationLines++;
        return Optional.of(new ConsoleLine(level, line));
    }

    private static String format(Entry entry) {
        if (entry.level() == Level.INFO) {
            return entry.message();
        }
        String logger = entry.logger().substring(entry.logger().lastIndexOf('.') + 1);
        return String.format("%-5s %s: %s", entry.level(), logger, entry.message());
    }

    private void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    /** A new run of the process begins: what the last one said no longer explains anything. */
    synchronized void forget() {
        tail.clear();
        level = Level.OUTPUT;
        showing = true;
    }

    /**
     * In order of preference: Spring Boot's failure analysis ("Description:" paragraph); an ERROR our own
     * code logged (a startup check names the problem); the root cause of the last exception; the last
     * ERROR; the last exception line; the last line.
     */
    static String lastMeaningfulLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).strip().equals("Description:")) {
                StringBuilder description = new StringBuilder();
                for (int j = i + 1; j < lines.size() && !lines.get(j).strip().equals("Action:"); j++) {
                    if (!lines.get(j).isBlank()) {
                        description.append(description.isEmpty() ? "" : " ").append(lines.get(j).strip());
                    }
                }
                if (!description.isEmpty()) {
                    return description.toString();
                }
            }
        }
        Optional<Entry> concordError = lastEntry(lines, entry -> entry.level() == Level.ERROR && entry.fromConcord());
        if (concordError.isPresent()) {
            return concordError.get().message();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith("Caused by: ")) {
                return simplify(line.substring("Caused by: ".length()));
            }
        }
        Optional<Entry> error = lastEntry(lines, entry -> entry.level() == Level.ERROR);
        if (error.isPresent()) {
            return error.get().message();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (EXCEPTION.matcher(lines.get(i).strip()).matches()) {
                return simplify(lines.get(i).strip());
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return Entry.parse(lines.get(i)).map(Entry::message).orElse(lines.get(i).strip());
            }
        }
        return "(it printed nothing)";
    }

    private static Optional<Entry> lastEntry(List<String> lines, Predicate<Entry> wanted) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<Entry> entry = Entry.parse(lines.get(i));
            if (entry.isPresent() && wanted.test(entry.get()) && !entry.get().message().isBlank()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** "org.h2.jdbc.JdbcSQLException: File is read only" becomes "JdbcSQLException: File is read only". */
    static String simplify(String exceptionLine) {
        Matcher matcher = EXCEPTION.matcher(exceptionLine);
        if (!matcher.matches()) {
            return exceptionLine;
        }
        return matcher.group(2) + (matcher.group(3) == null ? "" : matcher.group(3));
    }
}
