package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start on real files and a real JVM; its use on the services' jars is exercised by every stack start. */
class QuickStartTest {

    @TempDir
    Path home;

    @Test
    void options_that_choose_their_own_archive_leave_the_jar_as_it_is() throws IOException {
        Path jar = plainJar();
        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/mine.jsa", "-XX:ArchiveClassesAtExit=mine.jsa")) {
            QuickStart quickStart = new QuickStart(jar, List.of("-Xmx256m", option), ChildProcess.currentJava());

            assertThat(quickStart.prepare(Map.of(), home)).isEqualTo(new QuickStart.Launch(List.of(), jar));
        }
        assertThat(home.resolve("target").resolve(QuickStart.DIRECTORY)).doesNotExist();
    }

    @Test
    void a_jar_that_cannot_be_unpacked_starts_as_it_is_and_the_log_says_why() throws IOException {
        Path jar = plainJar();
        QuickStart quickStart = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava());

        assertThat(quickStart.prepare(Map.of(), home.resolve("work"))).isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(Files.readString(jar.resolveSibling(QuickStart.DIRECTORY).resolve(QuickStart.TRAINING_LOG)))
                .contains("-Djarmode=tools");
        assertThat(jar.resolveSibling(QuickStart.DIRECTORY).resolve("stamp")).doesNotExist();
    }

    @Test
    void a_quick_start_that_failed_is_not_tried_again_for_the_same_jar_jdk_and_options_but_is_for_another_jar()
            throws IOException {
        Path jar = plainJar();
        Path directory = jar.resolveSibling(QuickStart.DIRECTORY);
        QuickStart quickStart = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava());
        quickStart.prepare(Map.of(), home.resolve("work"));
        assertThat(Files.readString(directory.resolve(QuickStart.FAILED)))
                .isEqualTo(quickStart.stamp() + "reason unpacking failed with exit code 1\n");
        Files.delete(directory.resolve(QuickStart.TRAINING_LOG));

        QuickStart again = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava());
        assertThat(again.prepare(Map.of(), home.resolve("work"))).isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(directory.resolve(QuickStart.TRAINING_LOG)).as("not tried again").doesNotExist();
        assertThat(again.notTriedAgain("unpacking failed with exit code 1")).doesNotContain("\n")
                .contains("unpacking failed with exit code 1", directory.resolve(QuickStart.TRAINING_LOG).toString(),
                        "delete " + directory, "change the jar");

        writeJar(jar, "hello again");
        QuickStart changed = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava());
        assertThat(changed.prepare(Map.of(), home.resolve("work"))).isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(directory.resolve(QuickStart.TRAINING_LOG)).as("tried again").exists();
        assertThat(Files.readString(directory.resolve(QuickStart.FAILED))).startsWith(changed.stamp());
    }

    @Test
    void a_training_start_that_ran_out_of_time_is_tried_again_at_the_next_start() throws IOException {
        Path jar = plainJar();
        Path directory = jar.resolveSibling(QuickStart.DIRECTORY);
        Path java = fakeJava("exec sleep 60");
        QuickStart quickStart = new QuickStart(jar, ChildProcess.SERVICE_JVM, java, Duration.ofSeconds(1));
        assertThat(quickStart.prepare(Map.of(), home.resolve("work"))).isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(directory.resolve(QuickStart.FAILED)).as("not remembered").doesNotExist();

        fakeJava(TRAINING_THAT_WRITES_THE_ARCHIVE);
        QuickStart again = new QuickStart(jar, ChildProcess.SERVICE_JVM, java, Duration.ofSeconds(1));
        assertThat(again.prepare(Map.of(), home.resolve("work"))).as("tried again, and made")
                .isEqualTo(new QuickStart.Launch(List.of("-XX:SharedArchiveFile=" + again.archive()), again.unpackedJar()));
    }

    @Test
    void a_training_start_killed_by_a_signal_is_tried_again_at_the_next_start() throws IOException {
        Path jar = plainJar();
        Path java = fakeJava("kill -9 $$");
        new QuickStart(jar, ChildProcess.SERVICE_JVM, java).prepare(Map.of(), home.resolve("work"));
        assertThat(jar.resolveSibling(QuickStart.DIRECTORY).resolve(QuickStart.FAILED)).as("not remembered").doesNotExist();

        fakeJava(TRAINING_THAT_WRITES_THE_ARCHIVE);
        QuickStart again = new QuickStart(jar, ChildProcess.SERVICE_JVM, java);
        assertThat(again.prepare(Map.of(), home.resolve("work"))).as("tried again, and made")
                .isEqualTo(new QuickStart.Launch(List.of("-XX:SharedArchiveFile=" + again.archive()), again.unpackedJar()));
    }

    @Test
    void a_launcher_interrupted_during_the_training_start_stops_it_and_tries_again_at_the_next_start() throws Exception {
        Path jar = plainJar();
        Path trainingPid = home.resolve("training.pid");
        Path java = fakeJava("echo $$ > " + trainingPid + "\nexec sleep 60");
        QuickStart quickStart = new QuickStart(jar, ChildProcess.SERVICE_JVM, java);
        Thread launcher = new Thread(() -> quickStart.prepare(Map.of(), home.resolve("work")));
        launcher.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(trainingPid)
                && !Files.readString(trainingPid).isBlank());
        long pid = Long.parseLong(Files.readString(trainingPid).strip());

        launcher.interrupt();
        launcher.join(10_000);

        assertThat(launcher.isAlive()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the training start stopped").isEmpty());
        assertThat(jar.resolveSibling(QuickStart.DIRECTORY).resolve(QuickStart.FAILED)).as("not remembered").doesNotExist();
    }

    @Test
    void a_training_start_that_exited_with_an_error_is_not_tried_again_for_the_same_jar_jdk_and_options()
            throws IOException {
        Path jar = plainJar();
        Path directory = jar.resolveSibling(QuickStart.DIRECTORY);
        Path java = fakeJava("exit 1");
        QuickStart quickStart = new QuickStart(jar, ChildProcess.SERVICE_JVM, java);
        assertThat(quickStart.prepare(Map.of(), home.resolve("work"))).isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(Files.readString(directory.resolve(QuickStart.FAILED)))
                .isEqualTo(quickStart.stamp() + "reason the training start failed with exit code 1\n");

        fakeJava(TRAINING_THAT_WRITES_THE_ARCHIVE);
        assertThat(new QuickStart(jar, ChildProcess.SERVICE_JVM, java).prepare(Map.of(), home.resolve("work")))
                .as("not tried again").isEqualTo(new QuickStart.Launch(List.of(), jar));
        assertThat(directory.resolve(QuickStart.TRAINING_LOG)).content().containsOnlyOnce("the training start");
    }

    @Test
    void other_content_other_options_or_another_jdk_make_the_archive_stale() throws IOException {
        Path jar = plainJar();
        String made = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava()).stamp();

        assertThat(new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava()).stamp()).isEqualTo(made);
        assertThat(new QuickStart(jar, List.of("-XX:+UseSerialGC", "-Xmx512m"), ChildProcess.currentJava()).stamp()).isNotEqualTo(made);
        assertThat(new QuickStart(jar, ChildProcess.SERVICE_JVM, Path.of("/opt/another-jdk/bin/java")).stamp()).isNotEqualTo(made);
        writeJar(jar, "hello again");
        assertThat(new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava()).stamp()).isNotEqualTo(made);
    }

    @Test
    void a_jar_built_again_with_the_same_content_keeps_its_archive() throws IOException, InterruptedException {
        Path jar = plainJar();
        String made = new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava()).stamp();
        Thread.sleep(1100);

        writeJar(jar, "hello");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        assertThat(new QuickStart(jar, ChildProcess.SERVICE_JVM, ChildProcess.currentJava()).stamp()).isEqualTo(made);
    }

    /** The training's part of a {@link #fakeJava}: it writes the archive and ends well. */
    private static final String TRAINING_THAT_WRITES_THE_ARCHIVE = """
            for option; do case "$option" in -XX:ArchiveClassesAtExit=*) : > "${option#*=}";; esac; done
            exit 0""";

    /**
     * A stand-in for the JDK's {@code java}, a real process that the quick start runs: it unpacks a jar by copying it
     * where the tools jar mode would put it, and runs {@code training} (shell) for the training start. Written again
     * under the same name, so that the stamp stays the same.
     */
    private Path fakeJava(String training) throws IOException {
        Path java = home.resolve("jdk").resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-Djarmode=tools" ]; then
                  mkdir -p "$6" && cp "$3" "$6/" && exit 0
                fi
                echo "training with $*"
                """ + training + "\n");
        java.toFile().setExecutable(true);
        return java;
    }

    /** A jar that is not a Spring Boot executable jar: the tools jar mode is not in it. */
    private Path plainJar() throws IOException {
        Path jar = home.resolve("target").resolve("service-exec.jar");
        Files.createDirectories(jar.getParent());
        writeJar(jar, "hello");
        return jar;
    }

    /** Writes the jar anew: its entry gets the time of now, as a build gives it. */
    private static void writeJar(Path jar, String text) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write(text.getBytes());
            out.closeEntry();
        }
    }
}
