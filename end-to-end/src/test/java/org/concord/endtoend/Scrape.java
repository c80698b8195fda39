package org.concord.endtoend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape: each sample line's series ({@code name{labels}}) and value. */
record Scrape(String service, String text, Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?\\s+(\\S+)");

    static Scrape of(String service, String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), parse(sample.group(3)));
            }
        }
        return new Scrape(service, text, samples);
    }

    /** The metric names of the samples ({@code x_bucket}, {@code x_count}, {@code x_sum} each as they appear). */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.keySet().forEach(series -> names.add(nameOf(series)));
        return names;
    }

    /** The sum of every sample of {@code name} whose labels contain each of {@code labels} ({@code key="value"}). */
    double sum(String name, String... labels) {
        return samples.entrySet().stream()
                .filter(sample -> nameOf(sample.getKey()).equals(name))
                .filter(sample -> java.util.Arrays.stream(labels).allMatch(label -> sample.getKey().contains(label)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static String nameOf(String series) {
        int labels = series.indexOf('{');
        return labels < 0 ? series : series.substring(0, labels);
    }

    boolean has(String name) {
        return names().contains(name);
    }

    private static double parse(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
