package org.concord.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of docs/configuration.md: one row per variable, its name in backticks in the first column and its
 * default in the second. Rows are grouped by the section they stand in:
 * <ul>
 *   <li>{@value #SERVICES_SECTION}, then {@value #EVERY_SERVICE} or a service's name: what the services read;</li>
 *   <li>{@value #COMPOSE_SECTION}: what docker compose reads from .env.</li>
 * </ul>
 */
final class ConfigurationReference {

    static final String FILE = "docs/configuration.md";
    static final String SERVICES_SECTION = "Environment variables of the services";
    static final String EVERY_SERVICE = "Every service";
    static final String COMPOSE_SECTION = "Compose settings (.env)";

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|([^|]*)\\|");

    /** A documented variable: where it stands ("section / subsection"), its name and its default as written. */
    record Row(String place, String variable, String documentedDefault) {
    }

    private final List<Row> rows = new ArrayList<>();

    private ConfigurationReference(String markdown) {
        String section = "";
        String subsection = "";
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                subsection = "";
            } else if (line.startsWith("### ")) {
                subsection = line.substring(4).strip();
            } else {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    rows.add(new Row(subsection.isEmpty() ? section : section + " / " + subsection,
                            row.group(1), row.group(2).strip()));
                }
            }
        }
    }

    static ConfigurationReference parse(String markdown) {
        return new ConfigurationReference(markdown);
    }

    static ConfigurationReference read() {
        return parse(RepositoryRoot.read(FILE));
    }

    List<Row> rows() {
        return rows;
    }

    /** Variables documented for every service. */
    Set<String> everyService() {
        return variablesAt(SERVICES_SECTION + " / " + EVERY_SERVICE);
    }

    /** Variables documented for this service only. */
    Set<String> serviceOnly(String service) {
        return variablesAt(SERVICES_SECTION + " / " + service);
    }

    /** Variables docker compose reads, with their documented defaults ({@code (empty)} meaning ""). */
    Map<String, String> composeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        rows.stream().filter(row -> row.place().equals(COMPOSE_SECTION)).forEach(row -> {
            String value = row.documentedDefault().replace("`", "").strip();
            settings.put(row.variable(), value.equals("(empty)") ? "" : value);
        });
        return settings;
    }

    /** Places holding variable rows that none of the sections above accounts for. */
    Set<String> unknownPlaces(List<String> services) {
        Set<String> known = new TreeSet<>();
        known.add(SERVICES_SECTION + " / " + EVERY_SERVICE);
        services.forEach(service -> known.add(SERVICES_SECTION + " / " + service));
        known.add(COMPOSE_SECTION);
        Set<String> unknown = new TreeSet<>();
        rows.stream().map(Row::place).filter(place -> !known.contains(place)).forEach(unknown::add);
        return unknown;
    }

    private Set<String> variablesAt(String place) {
        Set<String> variables = new TreeSet<>();
        rows.stream().filter(row -> row.place().equals(place)).forEach(row -> variables.add(row.variable()));
        return variables;
    }
}
