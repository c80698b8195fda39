package org.concord.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the shell scripts under deploy/ read and do, as far as the checks need it. */
final class Scripts {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** An entry of create-topics.sh's topics array: {@code "name|setting=value,..."}. */
    private static final Pattern TOPIC_ENTRY = Pattern.compile("^\\s*\"([a-z0-9][a-z0-9.\\-]*)\\|([^\"]*)\"");

    /** A topic the topic-init script creates, with its settings as written. */
    record Topic(String name, String settings) {
    }

    private Scripts() {
    }

    /** The upper-case {@code ${NAME...}} variables a script reads (comment lines left out). */
    static Set<String> environmentVariablesReadBy(String script) {
        Set<String> names = new TreeSet<>();
        for (String line : RepositoryRoot.read(script).split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = VARIABLE.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static List<Topic> topicsCreatedBy(String script) {
        List<Topic> topics = new ArrayList<>();
        for (String line : RepositoryRoot.read(script).split("\n")) {
            Matcher matcher = TOPIC_ENTRY.matcher(line);
            if (matcher.find()) {
                topics.add(new Topic(matcher.group(1), matcher.group(2)));
            }
        }
        return topics;
    }
}
