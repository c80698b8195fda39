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
 * @param dataDirectory  where the broker logs, the H2 files and the logs live ({@code CONCORD_DATA_DIR})
 * @param partitions     partitions of the topics created by this run ({@code --partitions})
 * @param fresh          wipe the data directory first ({@code --fresh})
 * @param commandStarted when the developer ran the command (passed by the script), to report the honest total
 * @param brokers        Kafka broker processes: 1, or 3 for a replicated cluster ({@code --brokers})
 * @param instances      instances of each service ({@code --instances})
 * @param portOffset     added to every port of the stack ({@code --port-offset}, {@code CONCORD_PORT_OFFSET})
 * @param postgres       {@code host:port} of a PostgreSQL server for the services instead of H2 files ({@code --postgres})
 * @param serviceJvm     the JVM options of the services and the gateway ({@code --jvm-opts}, {@code CONCORD_JVM_OPTS};
 *                       default {@link ChildProcess#SERVICE_JVM}); {@code {name}} in an option becomes the process's name
 */
public record LaunchOptions(Path home, Path dataDirectory, int partitions, boolean fresh, Optional<Instant> commandStarted,
        int brokers, int instances, int portOffset, Optional<String> postgres, List<String> serviceJvm) {

    static final int DEFAULT_PARTITIONS = 3;
    public static final String DATA_DIR_VARIABLE = "CONCORD_DATA_DIR";
    public static final String PORT_OFFSET_VARIABLE = "CONCORD_PORT_OFFSET";
    public static final String JVM_OPTS_VARIABLE = "CONCORD_JVM_OPTS";
    public static final String HOME_PROPERTY = "concord.home";
    static final String STARTED_PROPERTY = "concord.command-started";
    static final int MAX_INSTANCES = 3;

    /** Reads the options of {@code up}; the other commands read only the environment (data directory, ports). */
    public static LaunchOptions parse(List<String> args, Map<String, String> environment, Properties system) {
        Path home = Path.of(system.getProperty(HOME_PROPERTY, "")).toAbsolutePath().normalize();
        String data = environment.getOrDefault(DATA_DIR_VARIABLE, "");
        Path dataDirectory = (data.isBlank() ? home.resolve(".data") : home.resolve(data)).toAbsolutePath().normalize();
        int partitions = DEFAULT_PARTITIONS;
        boolean fresh = false;
        int brokers = 1;
        int instances = 1;
        String offsetVariable = environment.getOrDefault(PORT_OFFSET_VARIABLE, "");
        int portOffset = offsetVariable.isBlank() ? 0 : portOffset(offsetVariable, PORT_OFFSET_VARIABLE + "=" + offsetVariable);
        Optional<String> postgres = Optional.empty();
        String jvmVariable = environment.getOrDefault(JVM_OPTS_VARIABLE, "");
        List<String> serviceJvm = jvmVariable.isBlank() ? ChildProcess.SERVICE_JVM : jvmOptions(jvmVariable, JVM_OPTS_VARIABLE);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--fresh")) {
                fresh = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--partitions", "--brokers", "--instances", "--port-offset", "--postgres", "--jvm-opts").contains(name)) {
                throw new LaunchException("unknown option '" + arg + "' (see ./concord help)", LaunchException.USAGE);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new LaunchException(name + " needs a value, e.g. " + example(name), LaunchException.USAGE);
            }
            switch (name) {
                case "--partitions" -> partitions = number(value, 1, 100, "--partitions must be a whole number from 1 to 100");
                case "--brokers" -> brokers = brokers(value);
                case "--instances" -> instances = number(value, 1, MAX_INSTANCES,
                        "--instances must be a whole number from 1 to " + MAX_INSTANCES);
                case "--port-offset" -> portOffset = portOffset(value, "--port-offset " + value);
                case "--jvm-opts" -> serviceJvm = jvmOptions(value, "--jvm-opts");
                default -> postgres = Optional.of(postgres(value));
            }
        }
        return new LaunchOptions(home, dataDirectory, partitions, fresh, commandStarted(system.getProperty(STARTED_PROPERTY)),
                brokers, instances, portOffset, postgres, serviceJvm);
    }

    /** The ports, process names and addresses these options give the stack. */
    public StackLayout layout() {
        return new StackLayout(brokers, instances, portOffset);
    }

    private static String example(String option) {
        return switch (option) {
            case "--partitions" -> "--partitions 3";
            case "--brokers" -> "--brokers 3";
            case "--instances" -> "--instances 2";
            case "--port-offset" -> "--port-offset 10000";
            case "--jvm-opts" -> "--jvm-opts '-XX:+UseSerialGC -Xmx256m'";
            default -> "--postgres 127.0.0.1:5432";
        };
    }

    private static int number(String value, int min, int max, String rule) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(rule + ", not '" + value + "'", LaunchException.USAGE);
    }

    private static int brokers(String value) {
        int brokers = number(value, 1, 3, "--brokers must be 1 or 3");
        if (brokers == 2) {
            throw new LaunchException("--brokers must be 1 or 3, not '2' (a KRaft quorum of two survives no failure)",
                    LaunchException.USAGE);
        }
        return brokers;
    }

    private static int portOffset(String value, String given) {
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0 && StackLayout.highestPort(offset) <= 65535) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("the port offset must be a whole number from 0 to " + (65535 - StackLayout.highestPort(0))
                + ", not '" + given + "'", LaunchException.USAGE);
    }

    /** Options separated by spaces, each a JVM option ({@code -X...}, {@code -D...}, {@code -ea}...), none empty. */
    static List<String> jvmOptions(String value, String given) {
        List<String> options = List.of(value.strip().split("\\s+"));
        if (value.isBlank() || options.stream().anyMatch(option -> !option.startsWith("-") || option.equals("-jar"))) {
            throw new LaunchException(given + " takes JVM options separated by spaces, each starting with '-' (not -jar), e.g. "
                    + example("--jvm-opts") + ", not '" + value + "'", LaunchException.USAGE);
        }
        return options;
    }

    private static String postgres(String value) {
        String address = value.strip();
        if (!address.matches("^[A-Za-z0-9_.\\-]+:\\d{1,5}$")) {
            throw new LaunchException("--postgres takes host:port of a PostgreSQL server, e.g. --postgres 127.0.0.1:5432, not '"
                    + value + "'", LaunchException.USAGE);
        }
        return address;
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
