package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

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
