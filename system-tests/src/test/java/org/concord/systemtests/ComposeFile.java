package org.concord.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker compose file as the checks read it: per service, the environment it sets, what it builds and the
 * ports it publishes; and the {@code ${NAME}} variables it takes from .env or the shell.
 */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}}..., but not the escaped {@code $${NAME}}. */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private final String name;
    private final String text;
    private final Map<String, Map<?, ?>> services = new LinkedHashMap<>();

    private ComposeFile(String name, String text) {
        this.name = name;
        this.text = text;
        List<Object> documents = ServiceSettings.loadAll(text);
        if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(name + " is not a single YAML mapping");
        }
        if (root.get("services") instanceof Map<?, ?> declared) {
            declared.forEach((service, definition) ->
                    services.put(service.toString(), definition instanceof Map<?, ?> map ? map : Map.of()));
        }
    }

    static ComposeFile parse(String name, String yaml) {
        return new ComposeFile(name, yaml);
    }

    static ComposeFile read(String relative) {
        return parse(relative, RepositoryRoot.read(relative));
    }

    String name() {
        return name;
    }

    Set<String> services() {
        return services.keySet();
    }

    boolean defines(String service) {
        return services.containsKey(service);
    }

    /** The service's environment, from either compose form: a mapping, or a list of {@code NAME=value}. */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = services.getOrDefault(service, Map.of()).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(key.toString(), value == null ? null : value.toString()));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = entry.toString().split("=", 2);
                environment.put(parts[0], parts.length == 2 ? parts[1] : null);
            }
        }
        return environment;
    }

    /** {@code build.dockerfile} of the service, if it is built. */
    Optional<String> dockerfile(String service) {
        Object build = services.getOrDefault(service, Map.of()).get("build");
        if (build instanceof Map<?, ?> map && map.get("dockerfile") != null) {
            return Optional.of(map.get("dockerfile").toString());
        }
        return Optional.empty();
    }

    /** {@code build.args} of the service. */
    Map<String, String> buildArgs(String service) {
        Object build = services.getOrDefault(service, Map.of()).get("build");
        Map<String, String> args = new java.util.LinkedHashMap<>();
        if (build instanceof Map<?, ?> map && map.get("args") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> args.put(String.valueOf(name), String.valueOf(value)));
        }
        return args;
    }

    /** The container side of each published port ({@code "127.0.0.1:8181-8189:8081"} gives 8081). */
    List<String> containerPorts(String service) {
        List<String> ports = new ArrayList<>();
        Object declared = services.getOrDefault(service, Map.of()).get("ports");
        if (declared instanceof List<?> list) {
            for (Object port : list) {
                String spec = port.toString().replaceFirst("/(tcp|udp)$", "");
                ports.add(spec.substring(spec.lastIndexOf(':') + 1));
            }
        }
        return ports;
    }

    /** Names of the variables the file interpolates (comment lines left out). */
    Set<String> interpolatedVariables() {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = INTERPOLATION.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
