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
 * says why; the failure is remembered for that jar, JDK and options ({@code failed}), so that the next start does not
 * wait for the same failure again. A JVM that cannot use the archive ignores it.
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

    private final Path jar;
    private final Path directory;
    private final List<String> jvmOptions;
    private final Path java;

    QuickStart(Path jar, List<String> jvmOptions, Path java) {
        this.jar = jar;
        this.directory = jar.toAbsolutePath().getParent().resolve(DIRECTORY);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.java = java;
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
     * Unpacks and trains unless that was done, or failed, for a jar of this content; the training start runs in the service's
     * own {@code environment} and {@code workingDirectory} until its context is refreshed. Safe against a second
     * launcher doing the same at the same time.
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
                } catch (IOException | UncheckedIOException | IllegalStateException e) {
                    String reason = String.valueOf(e.getMessage()).replace('\n', ' ');
                    Files.writeString(directory.resolve(FAILED), stamp + REASON + reason + "\n");
                    Console.warn(jar.getFileName() + " starts from the jar itself, without the quick start: " + reason
                            + " (see " + directory.resolve(TRAINING_LOG) + "; not tried again for this jar, JDK and options)");
                    return new Launch(List.of(), jar);
                }
                Files.writeString(stampFile, stamp);
                return quick();
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Console.warn(jar.getFileName() + " starts from the jar itself, without the quick start: " + e.getMessage());
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

    private void unpack() throws IOException, InterruptedException {
        Files.deleteIfExists(directory.resolve(TRAINING_LOG));
        Path unpacking = directory.resolve("application.unpacking");
        delete(unpacking);
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                unpacking.toString()), Map.of(), directory, "unpacking");
        delete(directory.resolve("application"));
        Files.move(unpacking, directory.resolve("application"), StandardCopyOption.ATOMIC_MOVE);
    }

    private void train(Map<String, String> environment, Path workingDirectory) throws IOException, InterruptedException {
        Files.deleteIfExists(archive());
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(), "-Dspring.context.exit=onRefresh",
                "-jar", unpackedJar().toString()));
        run(command, environment, workingDirectory, "the training start");
        if (!Files.exists(archive())) {
            throw new IllegalStateException("the training start left no archive");
        }
    }

    private void run(List<String> command, Map<String, String> environment, Path workingDirectory, String what)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(TRAINING_LOG).toFile()));
        builder.environment().putAll(environment);
        Files.writeString(directory.resolve(TRAINING_LOG), "---- " + what + " at " + Instant.now() + ": " + String.join(" ", command) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " took more than " + TRAINING_PATIENCE.toMinutes() + " min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue());
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
