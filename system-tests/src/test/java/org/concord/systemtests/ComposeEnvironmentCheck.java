package org.concord.systemtests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-checks the environment a compose file gives each Concord service container against the variables that
 * service reads. A variable the service never reads is a typo or a leftover that Spring silently ignores (the
 * service then runs on its default: an in-memory database, a broker on localhost); this check names it.
 */
final class ComposeEnvironmentCheck {

    private final Map<String, Set<String>> readByService;

    /** @param readByService per Concord service, the environment variables it reads */
    ComposeEnvironmentCheck(Map<String, Set<String>> readByService) {
        this.readByService = Map.copyOf(readByService);
    }

    static ComposeEnvironmentCheck ofRepository() {
        return new ComposeEnvironmentCheck(ServiceSettings.SERVICES.stream()
                .collect(Collectors.toMap(service -> service, service -> ServiceSettings.of(service).environmentVariables())));
    }

    /** One line per variable a service container is given but its service does not read. */
    List<String> unreadVariables(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String service : compose.services()) {
            Set<String> reads = readByService.get(service);
            if (reads == null) {
                continue;
            }
            for (String variable : compose.environment(service).keySet()) {
                if (!reads.contains(variable)) {
                    problems.add(compose.name() + ": " + service + " is given " + variable + ", which " + service
                            + " does not read" + hint(variable, reads));
                }
            }
        }
        return problems;
    }

    /** One line per service of the file that lacks one of {@code required}. */
    List<String> missingVariables(ComposeFile compose, Set<String> required) {
        List<String> problems = new ArrayList<>();
        for (String service : readByService.keySet().stream().sorted().toList()) {
            if (!compose.defines(service)) {
                problems.add(compose.name() + ": no " + service + " service");
                continue;
            }
            Set<String> given = compose.environment(service).keySet();
            required.stream().sorted().filter(variable -> !given.contains(variable)).forEach(variable ->
                    problems.add(compose.name() + ": " + service + " is not given " + variable
                            + " (without it the service falls back to its local-development default)"));
        }
        return problems;
    }

    private static String hint(String variable, Set<String> reads) {
        Optional<String> closest = reads.stream()
                .min(Comparator.comparingInt(candidate -> distance(variable, candidate)))
                .filter(candidate -> distance(variable, candidate) <= 3);
        return closest.map(candidate -> " (did you mean " + candidate + "?)")
                .orElse(" (it reads " + String.join(", ", reads) + ")");
    }

    /** Levenshtein distance: how many single-character edits turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
