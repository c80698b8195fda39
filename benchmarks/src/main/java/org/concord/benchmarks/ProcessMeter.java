package org.concord.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process's CPU time (user + system, from {@code /proc/<pid>/stat}) and resident memory ({@code VmRSS} of
 * {@code /proc/<pid>/status}), and the JVM options it was started with ({@code /proc/<pid>/cmdline}). Linux only.
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code /proc} times: 100 on every Linux the JDK runs on (USER_HZ). */
    static final int TICKS_PER_SECOND = 100;

    private ProcessMeter() {
    }

    /** CPU milliseconds the process has used so far; empty when it is gone. */
    static Optional<Long> cpuMillis(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat")).map(ProcessMeter::cpuMillisOf);
    }

    /** utime + stime (fields 14 and 15) of a {@code stat} line; the name in parentheses may hold spaces. */
    static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Resident memory in MiB; empty when the process is gone. */
    static Optional<Long> rssMebibytes(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).flatMap(status -> status.lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                .findFirst());
    }

    /** The {@code -X...} and {@code -XX:...} options on the process's command line. */
    static List<String> jvmOptions(long pid) {
        List<String> options = new ArrayList<>();
        read(Path.of("/proc", Long.toString(pid), "cmdline")).ifPresent(cmdline -> {
            for (String argument : cmdline.split("\0")) {
                if (argument.startsWith("-X")) {
                    options.add(argument);
                }
            }
        });
        return options;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
