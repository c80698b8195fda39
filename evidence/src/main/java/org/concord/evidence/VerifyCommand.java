package org.concord.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar evidence.jar verify [options] <bundle.json>}: checks an evidence bundle offline, prints what
 * holds and what does not, and exits with 0 when nothing fails, 1 when something does, 2 when it was used wrongly.
 */
public final class VerifyCommand {

    static final String USAGE = """
            Usage: verify [options] <bundle.json>

            Checks an evidence bundle of Concord offline: the content hash of the text, the hash chain of the
            history, each signatory's JWS against the bundled region keys, and the service's signed checkpoint.
            Prints what holds and what does not; exits 0 when nothing fails, 1 when something does.

            Options:
              --strict                 fail, instead of noting, what rests on the operator's word: signatures
                                       made with a bearer token only, a service key not checked with --service-keys
              --service-keys <file>    the service's published JWK set: the checkpoint must be signed by one of its keys
              --known-head <n>:<hash>  a history head pinned earlier (from an event's historyHead): entry n of the
                                       history must have this hash (repeatable)
            """;

    private static final Pattern KNOWN_HEAD = Pattern.compile("(\\d+):([0-9a-f]{64})");

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("verify")) {
            err.print(USAGE);
            return 2;
        }
        var options = Verifier.Options.DEFAULT;
        Path bundle = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--strict" -> options = options.strictly();
                    case "--service-keys" -> options = options.trustingServiceKeys(
                            JwkSet.fromJson(Json.parse(read(Path.of(value(args, ++i, "--service-keys")))),
                                    "the service keys"));
                    case "--known-head" -> options = options.knowingHead(knownHead(value(args, ++i, "--known-head")));
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-") || bundle != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        bundle = Path.of(args[i]);
                    }
                }
            }
            if (bundle == null) {
                throw new IllegalArgumentException("name the bundle file to verify");
            }
            VerificationReport report = new Verifier(options).verify(read(bundle));
            out.print(report.toText());
            return report.passed() ? 0 : 1;
        } catch (IllegalArgumentException | EvidenceException | IOException e) {
            err.println("verify: " + e.getMessage());
            if (e instanceof IllegalArgumentException) {
                err.print(USAGE);
            }
            return 2;
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static HistoryHead knownHead(String value) {
        Matcher m = KNOWN_HEAD.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("--known-head takes <length>:<64 lower-case hex digits>, not " + value);
        }
        return new HistoryHead(m.group(2), Long.parseLong(m.group(1)));
    }
}
