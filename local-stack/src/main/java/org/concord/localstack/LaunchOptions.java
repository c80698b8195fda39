package org.concord.localstack;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./concord up} was asked for.
 *
 * @param home           the repository root (jars are found under it)
 * @param dataDirectory  where the broker log, the H2 files and the logs live ({@code CONCORD_DATA_DIR})
 * @param partitions     partitions of the topics created by this run ({@code --partitions})
 * @param fresh          wipe the data directory first ({@code --fresh})
 * @param commandStarted when the developer ran the command (passed by the script), to report the honest total
 */
record LaunchOptions(Path home, Path dataDirectory, int partitions, boolean fresh, Optional<Instant> commandStarted) {

    static final int DEFAULT_PARTITIONS = 3;
    static final String DATA_DIR_VARIABLE = "CONCORD_DATA_DIR";
    static final String HOME_PROPERTY = "concord.home";
    static final String STARTED_PROPERTY = "concord.command-started";

    static LaunchOptions parse(List<String> args, Map<String, String> environment, Properties system) {
        Path home = Path.of(system.getProperty(HOME_PROPERTY, "")).toAbsolutePath().normalize();
        String data = environment.getOrDefault(DATA_DIR_VARIABLE, "");
        Path dataDirectory = (data.isBlank() ? home.resolve(".data") : home.resolve(data)).toAbsolutePath().normalize();
        int partitions = DEFAULT_PARTITIONS;
        boolean fresh = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--partitions") || arg.startsWith("--partitions=")) {
                String value;
                if (arg.equals("--partitions")) {
                    if (i + 1 >= args.size()) {
                        throw new LaunchException("--partitions needs a number, e.g. --partitions 3", LaunchException.USAGE);
                    }
                    value = args.get(++i);
                } else {
                    value = arg.substring("--partitions=".length());
                }
                partitions = partitions(value);
            } else {
                throw new LaunchException("unknown option '" + arg + "' (see ./concord help)", LaunchException.USAGE);
            }
        }
        return new LaunchOptions(home, dataDirectory, partitions, fresh, commandStarted(system.getProperty(STARTED_PROPERTY)));
    }

    private static int partitions(String value) {
        try {
            int partitions = Integer.parseInt(value.strip());
            if (partitions >= 1 && partitions <= 100) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("--partitions must be a whole number from 1 to 100, not '" + value + "'", LaunchException.USAGE);
    }

    /** The script passes bash's {@code EPOCHREALTIME} ("1732857600.123456"; some locales write a comma) or whole seconds. */
    static Optional<Instant> commandStarted(String epochSeconds) {
        if (epochSeconds == null || epochSeconds.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(epochSeconds.strip().replace(',', '.'));
            return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
