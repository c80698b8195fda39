package org.concord.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The services' committed OpenAPI documents ({@code contract/src/main/resources/openapi/<service>.yaml}, what
 * client teams and gateways import) and the check that a running service serves exactly its own. Each service's
 * {@code OpenApiDocumentTest} calls {@link #assertCommitted(String, JsonNode)}; with
 * {@code -Dconcord.openapi.update=true} it writes the served document instead ({@value #UPDATE_COMMAND}).
 */
public final class OpenApiDocuments {

    /** Where the documents are, from the repository's root. */
    public static final String FOLDER = "contract/src/main/resources/openapi";
    /** The system property that makes {@link #assertCommitted} write the served document instead of comparing. */
    public static final String UPDATE = "concord.openapi.update";
    /** The one command that regenerates the committed documents (docs/rest.md, contract/README.md). */
    public static final String UPDATE_COMMAND = "contract/update-openapi";

    private static final int SHOWN_DIFFERENCES = 20;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private OpenApiDocuments() {
    }

    /** The committed document of {@code service}, read from the repository's files. */
    public static JsonNode committed(String service) {
        Path file = file(service);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no committed OpenAPI document of " + service + " at " + FOLDER + "/"
                    + file.getFileName() + "; create it with " + UPDATE_COMMAND);
        }
        return YAML.readTree(file.toFile());
    }

    /**
     * Fails, saying what differs and how to regenerate, unless {@code served} (what the running service answers at
     * {@code /v3/api-docs}) is the committed document; with {@code -Dconcord.openapi.update=true} writes it instead.
     * Either way every operation must have an operationId, a summary and a description.
     */
    public static void assertCommitted(String service, JsonNode served) {
        if (Boolean.getBoolean(UPDATE)) {
            write(service, served);
        }
        assertComplete(service, served);
        JsonNode committed = committed(service);
        List<String> differences = new ArrayList<>();
        differences(committed, served, "", differences);
        if (!differences.isEmpty()) {
            fail(service + " serves an OpenAPI document that differs from the committed " + FOLDER + "/" + service
                    + ".yaml (" + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size())))
                    + (differences.size() > SHOWN_DIFFERENCES ? "\n  ..." : "")
                    + "\nIf the change is meant, regenerate the committed documents, lint them and commit them:\n  "
                    + UPDATE_COMMAND + " && contract/lint/run");
        }
    }

    /** What a client importing the document needs of every operation: a stable operationId, a summary, a description. */
    static void assertComplete(String service, JsonNode document) {
        List<String> missing = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            for (String field : List.of("operationId", "summary", "description")) {
                if (method.getValue().path(field).asString("").isBlank()) {
                    missing.add(method.getKey().toUpperCase() + " " + path.getKey() + " has no " + field);
                }
            }
        }));
        assertThat(missing).as(service + "'s operations, documented by @Operation(operationId, summary, description) "
                + "on their controller methods (docs/rest.md, \"Documenting an endpoint\")").isEmpty();
    }

    private static void write(String service, JsonNode served) {
        Path file = file(service);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, YAML.writeValueAsString(served), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        assertThat(committed(service)).as("%s read back", file).isEqualTo(served);
        System.out.println("wrote " + FOLDER + "/" + file.getFileName() + " (the document " + service + " serves)");
    }

    /** Where they differ, as JSON Pointers with both values; object members in any order, array items in order. */
    static void differences(JsonNode committed, JsonNode served, String pointer, List<String> found) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                differences(committed.path(name), served.path(name),
                        pointer + "/" + name.replace("~", "~0").replace("/", "~1"), found);
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                differences(committed.get(i), served.get(i), pointer + "/" + i, found);
            }
        } else {
            found.add((pointer.isEmpty() ? "/" : pointer) + ": committed " + shown(committed) + ", served " + shown(served));
        }
    }

    private static String shown(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static Path file(String service) {
        return root().resolve(FOLDER).resolve(service + ".yaml");
    }

    /** The repository's root: up from the module directory (Surefire's working directory) to the one with contract/. */
    private static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("contract/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no contract/pom.xml in " + start + " or any directory above it");
    }
}
