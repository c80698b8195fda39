package org.concord.systemtests;

import java.util.LinkedHashMap;
import java.util.Map;

/** The root .env file docker compose reads: {@code NAME=value} lines; blank lines and {@code #} comments skipped. */
final class DotEnv {

    static final String FILE = ".env";

    private DotEnv() {
    }

    static Map<String, String> read() {
        return parse(RepositoryRoot.read(FILE));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(FILE + ": not NAME=value: " + line);
            }
            values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return values;
    }
}
