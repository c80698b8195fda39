package org.concord.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.testsupport.http.Http;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboard of deploy/grafana/dashboards: its panels and the PromQL each queries. */
record Dashboard(List<Panel> panels) {

    static final String FILE = "deploy/grafana/dashboards/concord.json";

    /** A panel's title and its queries. */
    record Panel(String title, List<String> queries) {
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");

    static Dashboard read() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve(FILE))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return parse(Files.readString(root.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard parse(String json) {
        List<Panel> panels = new ArrayList<>();
        collect(Http.JSON.readTree(json).path("panels"), panels);
        return new Dashboard(panels);
    }

    private static void collect(JsonNode nodes, List<Panel> into) {
        for (JsonNode panel : nodes.values()) {
            List<String> queries = new ArrayList<>();
            panel.path("targets").values().forEach(target -> {
                if (target.path("expr").isString()) {
                    queries.add(target.path("expr").asString());
                }
            });
            if (!queries.isEmpty()) {
                into.add(new Panel(panel.path("title").asString(), queries));
            }
            collect(panel.path("panels"), into);
        }
    }

    /** The metric names a PromQL expression reads: what is left once strings, labels, ranges and functions are gone. */
    static Set<String> metrics(String promql) {
        String bare = STRING.matcher(promql).replaceAll("\"\"");
        bare = bare.replaceAll("\\{[^}]*\\}", " ").replaceAll("\\[[^]]*\\]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !partOfNumber) {
                names.add(name);
            }
        }
        return names;
    }
}
