package org.concord.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * Makes a service's executable jar quick to start, the way Spring Boot recommends for production: the jar unpacked
 * (reading classes out of nested jars cost about a third of a start here), and a class data sharing archive of the
 * classes a start loads, made by one training start that stops once the application context is refreshed. A service
 * then starts in about half the time, which is what matters most when the supervisor starts one again after a crash.
 *
 * <p>Made once in {@code <module>/target/quick-start} (build output, like the jar), and made again when what is in
 * the jar, the JVM options or the JDK change. When either step fails the service starts from its jar and the launcher
 * says why. A step whose process ended on its own without doing its work would do the same again: that failure is
 * remembered for that jar, JDK and options ({@code failed}), so that the next start does not wait for it again. One
 * that ran out of time, was stopped from outside or could not read or write its files is not: the next start tries
 * again. A JVM that cannot use the archive ignores it.
 */
final class QuickStart {

    /** What to run: the JVM options to add and the jar to start. */
    record Launch(List<String> jvmOptions, Path jar) {
    }

    static final String DIRECTORY = "quick-start";
    static final String TRAINING_LOG = "training.log";
    static final String FAILED = "failed";
    private static final String REASON = "reason ";
    private static final Duration TRAINING_PATIENCE = Duration.ofMinutes(3);
    /** Exit codes above this one tell of a process ended by a signal (128 + its number): a kill, not its own failure. */
    private static final int ENDED_BY_SIGNAL = 128;

    /** A step's process ended on its own without doing its work: a retry would meet the same, so it is remembered. */
    private static final class EndedOnItsOwn extends Exception {
        EndedOnItsOwn(String reason) {
            super(reason);
        }
    }

    private final Path jar;
    private final Path directory;
    private final List<String> jvmOptions;
    private final Path java;
    private final Duration patience;

    QuickStart(Path jar, List<String> jvmOptions, Path java) {
        this(jar, jvmOptions, java, TRAINING_PATIENCE);
    }

    /** {@code patience}: how long each step may take before it is stopped (and tried again at the next start). */
    QuickStart(Path jar, List<String> jvmOptions, Path java, Duration patience) {
        this.jar = jar;
        this.directory = jar.toAbsolutePath().getParent().resolve(DIRECTORY);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.java = java;
        this.patience = patience;
    }

    /** Options that decide the archive themselves: then the service starts from its jar as it is. */
    static boolean leftToTheUser(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-Xshare") || option.contains("SharedArchiveFile")
                || option.contains("ArchiveClassesAtExit"));
    }

    /**
     * The archive is current when it was made from a jar of the same content, with these options, by this JDK. The
     * content is told by the entries' names and checksums: every build writes the jar anew, with new times and other
     * bytes, also when nothing in it changed.
     */
    String stamp() throws IOException {
        return String.join("\n", "jar " + content(), "jdk " + java + " " + Runtime.version(),
                "options " + String.join(" ", jvmOptions)) + "\n";
    }

    private String content() throws IOException {
        long hash = 17;
        int entries = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> each = zip.entries(); each.hasMoreElements(); entries++) {
                ZipEntry entry = each.nextElement();
                hash = 31 * (31 * hash + entry.getName().hashCode()) + entry.getCrc();
            }
        }
        return entries + " entries, " + Long.toHexString(hash);
    }

    /**
     * Unpacks and trains unless that was done, or failed in a way that would fail again, for a jar of this content; the
     * training start runs in the service's own {@code environment} and {@code workingDirectory} until its context is
     * refreshed. Safe against a second launcher doing the same at the same time.
     */
    Launch prepare(Map<String, String> environment, Path workingDirectory) {
        if (leftToTheUser(jvmOptions)) {
            return new Launch(List.of(), jar);
        }
        try {
            Files.createDirectories(directory);
            Files.createDirectories(workingDirectory);
            try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                String stamp = stamp();
                Path stampFile = directory.resolve("stamp");
                if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
                    return quick();
                }
                Optional<String> failedBefore = failureFor(stamp);
                if (failedBefore.isPresent()) {
                    Console.warn(notTriedAgain(failedBefore.get()));
                    return new Launch(List.of(), jar);
                }
                Files.deleteIfExists(stampFile);
                Files.deleteIfExists(directory.resolve(FAILED));
                try {
                    unpack();
                    train(environment, workingDirectory);
                } catch (EndedOnItsOwn e) {
                    String reason = e.getMessage().replace('\n', ' ');
                    Files.writeString(directory.resolve(FAILED), stamp + REASON + reason + "\n");
                    Console.warn(jar.getFileName() + " starts from the jar itself, without the quick start: " + reason
                            + " (see " + directory.resolve(TRAINING_LOG) + "; not tried again for this jar, JDK and options"
                            + " until " + directory + " is deleted)");
                    return new Launch(List.of(), jar);
                } catch (IOException | UncheckedIOException | IllegalStateException e) {
                    Console.warn(jar.getFileName() + " starts from the jar itself, without the quick start: " + e.getMessage()
                            + " (see " + directory.resolve(TRAINING_LOG) + "; tried again at the next start)");
                    return new Launch(List.of(), jar);
                }
                Files.writeString(stampFile, stamp);
                return quick();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Console.warn(jar.getFileName() + " starts from the jar itself, without the quick start: " + e.getMessage()
                    + " (tried again at the next start)");
            return new Launch(List.of(), jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch(List.of(), jar);
        }
    }

    private Launch quick() {
        return new Launch(List.of("-XX:SharedArchiveFile=" + archive()), unpackedJar());
    }

    /** The warning when the quick start is not tried again: why it failed, where to read more, how to try again. */
    String notTriedAgain(String reason) {
        return jar.getFileName() + " starts from the jar itself: its quick start failed for this jar, JDK and options ("
                + reason + ", see " + directory.resolve(TRAINING_LOG) + "); to try again, delete " + directory
                + " or change the jar";
    }

    /** Why the quick start failed for this stamp, if it did: then it is not tried again until the stamp changes. */
    private Optional<String> failureFor(String stamp) throws IOException {
        Path failed = directory.resolve(FAILED);
        if (!Files.exists(failed)) {
            return Optional.empty();
        }
        String recorded = Files.readString(failed);
        if (!recorded.startsWith(stamp + REASON)) {
            return Optional.empty();
        }
        return Optional.of(recorded.substring(stamp.length() + REASON.length()).strip());
    }

    Path archive() {
        return directory.resolve("classes.jsa");
    }

    Path unpackedJar() {
        return directory.resolve("application").resolve(jar.getFileName());
    }

    private void unpack() throws IOException, InterruptedException, EndedOnItsOwn {
        Files.deleteIfExists(directory.resolve(TRAINING_LOG));
        Path unpacking = directory.resolve("application.unpacking");
        delete(unpacking);
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                unpacking.toString()), Map.of(), directory, "unpacking");
        delete(directory.resolve("application"));
        Files.move(unpacking, directory.resolve("application"), StandardCopyOption.ATOMIC_MOVE);
    }

    private void train(Map<String, String> environment, Path workingDirectory)
            throws IOException, InterruptedException, EndedOnItsOwn {
        Files.deleteIfExists(archive());
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(), "-Dspring.context.exit=onRefresh",
                "-jar", unpackedJar().toString()));
        run(command, environment, workingDirectory, "the training start");
        if (!Files.exists(archive())) {
            // it ended on its own and well, yet the JVM wrote no archive (one without a base CDS archive refuses to)
            throw new EndedOnItsOwn("the training start left no archive");
        }
    }

    /**
     * Runs a step's process: it failing on its own is an {@link EndedOnItsOwn}; running out of time an
     * {@link IllegalStateException}; this thread interrupted stops it too.
     */
    private void run(List<String> command, Map<String, String> environment, Path workingDirectory, String what)
            throws IOException, InterruptedException, EndedOnItsOwn {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(TRAINING_LOG).toFile()));
        builder.environment().putAll(environment);
        Files.writeString(directory.resolve(TRAINING_LOG), "---- " + what + " at " + Instant.now() + ": " + String.join(" ", command) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(what + " took more than " + Summary.seconds(patience) + ", and was stopped");
            }
        } finally {
            process.destroyForcibly();
        }
        int exitCode = process.exitValue();
        if (exitCode > ENDED_BY_SIGNAL) {
            throw new IllegalStateException(what + " was ended by signal " + (exitCode - ENDED_BY_SIGNAL) + " (exit code "
                    + exitCode + ")");
        }
        if (exitCode != 0) {
            throw new EndedOnItsOwn(what + " failed with exit code " + exitCode);
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
