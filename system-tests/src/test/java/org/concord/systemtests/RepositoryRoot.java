package org.concord.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory (the one holding docker-compose.yml), found from where the tests run. */
final class RepositoryRoot {

    private static final Path ROOT = find(Path.of("").toAbsolutePath());

    private RepositoryRoot() {
    }

    static Path path() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " in " + ROOT, e);
        }
    }

    /** Walks up from the module directory (Surefire's working directory) to the first one with docker-compose.yml. */
    static Path find(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + start + " or any directory above it");
    }
}
