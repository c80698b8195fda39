package org.concord.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./concord faults}: runs fault-injection scenarios against stacks of their own (free ports, fresh data) and
 * writes the results table. With no scenario named it runs them all and rewrites the table in {@code docs/faults.md};
 * {@code --ci} runs the ones CI runs; names run those. Exits 1 when a scenario lost, doubled or invented something, or
 * did not recover within a minute.
 */
public final class FaultSuite {

    static final Path DOCUMENT = Path.of("docs", "faults.md");

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("concord.home", ".")).toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        boolean ci = false;
        Optional<Path> resultsFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> {
                    Faults.all().forEach(s -> System.out.printf("%-22s %s%s%n", s.name(), s.title(), s.ci() ? "  [CI]" : ""));
                    return;
                }
                case "--ci" -> ci = true;
                case "--results" -> resultsFile = Optional.of(Path.of(args[++i]).toAbsolutePath());
                case "-h", "--help" -> {
                    System.out.println("./concord faults [--list] [--ci] [--results FILE] [scenario ...]   (see docs/faults.md)");
                    return;
                }
                default -> names.add(args[i]);
            }
        }
        List<Scenario> chosen = choose(names, ci);
        boolean everything = names.isEmpty() && !ci;
        Instant started = Instant.now();
        Path work = home.resolve("fault-injection/target/faults")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started));
        logTo(work.resolve("suite.log"));
        List<ScenarioRun.Result> results = new ArrayList<>();
        List<ResultsTable.Skipped> skipped = new ArrayList<>();
        boolean allAccepted = true;
        say("faults", chosen.size() + " scenario(s): " + String.join(", ", chosen.stream().map(Scenario::name).toList())
                + "; work directory " + work);
        for (Scenario scenario : chosen) {
            if (scenario.postgres() && PrivatePostgres.unavailableReason().isPresent()) {
                skipped.add(new ResultsTable.Skipped(scenario, PrivatePostgres.unavailableReason().get()));
                say(scenario.name(), "skipped: " + PrivatePostgres.unavailableReason().get());
                continue;
            }
            ScenarioRun.Result result = run(scenario, home, work.resolve(scenario.name()));
            results.add(result);
            allAccepted &= result.accepted();
        }
        List<String> table = ResultsTable.render(results, skipped, started, Duration.between(started, Instant.now()));
        Path target = resultsFile.orElse(everything ? home.resolve(DOCUMENT) : work.resolve("results.md"));
        ResultsTable.write(target, table);
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
        say("faults", "results written to " + target + (allAccepted ? "; every scenario passed" : "; SOME SCENARIOS FAILED"));
        System.exit(allAccepted ? 0 : 1);
    }

    /** Runs one scenario to its result, telling what happens as it goes. */
    static ScenarioRun.Result run(Scenario scenario, Path home, Path work) throws Exception {
        try (ScenarioRun run = new ScenarioRun(scenario, home, work, line -> say(scenario.name(), line))) {
            ScenarioRun.Result result = run.run();
            Verdict verdict = result.verdict();
            say(scenario.name(), (result.accepted() ? "PASS" : "FAIL") + ": " + verdict.acknowledged() + " signatures answered 2xx, "
                    + verdict.unanswered() + " unanswered (" + verdict.unansweredApplied() + " took effect); lost "
                    + verdict.lost().size() + ", doubled " + verdict.doubled().size() + ", phantom " + verdict.phantoms().size()
                    + "; back " + ResultsTable.seconds(result.recovery().back()) + ", caught up "
                    + ResultsTable.seconds(result.recovery().caughtUp()) + "; others answered: " + result.availability());
            verdict.examples(5).forEach(line -> say(scenario.name(), "  " + line));
            result.unmet().forEach(line -> say(scenario.name(), "  unmet: " + line));
            return result;
        }
    }

    static List<Scenario> choose(List<String> names, boolean ci) {
        List<Scenario> all = Faults.all();
        if (!names.isEmpty()) {
            List<Scenario> chosen = new ArrayList<>();
            for (String name : names) {
                chosen.add(all.stream().filter(scenario -> scenario.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no scenario '" + name + "'; ./concord faults --list names them")));
            }
            return chosen;
        }
        return ci ? all.stream().filter(Scenario::ci).toList() : all;
    }

    /** The suite's own Kafka clients log their warnings to {@code file} (set before anything logs). */
    static void logTo(Path file) {
        System.setProperty("concord.faults.log", file.toString());
        System.setProperty("logback.configurationFile", "faults-logback.xml");
    }

    static void say(String scenario, String line) {
        System.out.println(String.format("%-14s| %s", "faults", "[" + scenario + "] " + line));
        System.out.flush();
    }
}
