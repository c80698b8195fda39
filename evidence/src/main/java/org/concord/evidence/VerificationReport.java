package org.concord.evidence;

import java.util.List;

/**
 * What a {@link Verifier} found: one finding per check, each holding, failing, or resting on the operator's word.
 * The bundle passes when nothing fails.
 *
 * @param agreementId the agreement the bundle is about, or null if the bundle could not be read that far
 */
public record VerificationReport(String agreementId, List<Finding> findings) {

    /** The outcome of one check. */
    public enum Status {
        /** Checked, and it holds. */
        HOLDS,
        /** Checked, and it does not hold: the bundle has been altered, or was never right. */
        FAILS,
        /** Cannot be checked offline: it rests on the operator's word (e.g. a bearer-token signature). */
        UNVERIFIED
    }

    /**
     * One check's outcome.
     *
     * @param subject what was checked, e.g. {@code content hash}, {@code history #4}, {@code signature CN-YN #5}
     */
    public record Finding(Status status, String subject, String message) {
    }

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** True when no check fails. */
    public boolean passed() {
        return findings.stream().noneMatch(f -> f.status() == Status.FAILS);
    }

    public List<Finding> failures() {
        return withStatus(Status.FAILS);
    }

    public List<Finding> withStatus(Status status) {
        return findings.stream().filter(f -> f.status() == status).toList();
    }

    /** The findings about one subject, e.g. {@code checkpoint}, or all of the subjects that start with it. */
    public List<Finding> about(String subject) {
        return findings.stream().filter(f -> f.subject().equals(subject) || f.subject().startsWith(subject + " "))
                .toList();
    }

    /** The report as a person reads it: one line per finding, then the result. */
    public String toText() {
        int width = findings.stream().mapToInt(f -> f.subject().length()).max().orElse(0);
        var out = new StringBuilder();
        out.append("Evidence bundle").append(agreementId == null ? "" : " of agreement " + agreementId).append('\n');
        for (Finding f : findings) {
            String mark = switch (f.status()) {
                case HOLDS -> "ok  ";
                case FAILS -> "FAIL";
                case UNVERIFIED -> "note";
            };
            out.append("  ").append(mark).append("  ").append(f.subject())
                    .append(" ".repeat(width - f.subject().length())).append("  ").append(f.message()).append('\n');
        }
        long holds = withStatus(Status.HOLDS).size();
        long notes = withStatus(Status.UNVERIFIED).size();
        long fails = failures().size();
        out.append(passed() ? "VERIFIED: " + holds + (holds == 1 ? " check holds" : " checks hold")
                + (notes == 0 ? "" : "; " + notes + (notes == 1 ? " note" : " notes")
                        + " on what rests on the operator's word")
                : "NOT VERIFIED: " + fails + (fails == 1 ? " check fails" : " checks fail")).append('\n');
        return out.toString();
    }
}
