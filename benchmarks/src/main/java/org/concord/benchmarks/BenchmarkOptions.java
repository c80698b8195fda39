package org.concord.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./concord bench [--rate N] [--duration S] [--warm-up S] [--sweep] [--from N] [--step N] [--to N]
 * [--failing-endpoints N] [--drain S] [--no-primitives]}.
 */
record BenchmarkOptions(double rate, int durationSeconds, int warmUpSeconds, boolean sweep, double from, double step,
        double to, int failingEndpoints, int drainSeconds, boolean primitives) {

    static final String USAGE = "./concord bench [--rate 100] [--duration 60] [--warm-up 20] [--failing-endpoints 0] "
            + "[--drain 60] [--no-primitives] | ./concord bench --sweep [--from 50] [--step 50] [--to 500]";

    static BenchmarkOptions parse(List<String> args) {
        List<String> words = new ArrayList<>(args);
        double rate = 100;
        int duration = 60;
        int warmUp = 20;
        boolean sweep = false;
        double from = 50;
        double step = 50;
        double to = 500;
        int failing = 0;
        int drain = 60;
        boolean primitives = true;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "--sweep" -> sweep = true;
                case "--no-primitives" -> primitives = false;
                case "--rate" -> rate = positive(word, value(words, ++i));
                case "--duration" -> duration = (int) positive(word, value(words, ++i));
                case "--warm-up" -> warmUp = (int) Math.max(0, number(word, value(words, ++i)));
                case "--from" -> from = positive(word, value(words, ++i));
                case "--step" -> step = positive(word, value(words, ++i));
                case "--to" -> to = positive(word, value(words, ++i));
                case "--failing-endpoints" -> failing = (int) Math.max(0, number(word, value(words, ++i)));
                case "--drain" -> drain = (int) positive(word, value(words, ++i));
                default -> throw new BenchmarkException("unknown option '" + word + "': " + USAGE);
            }
        }
        return new BenchmarkOptions(rate, duration, warmUp, sweep, from, step, to, failing, drain, primitives);
    }

    private static String value(List<String> words, int i) {
        if (i >= words.size()) {
            throw new BenchmarkException(words.get(i - 1) + " needs a value: " + USAGE);
        }
        return words.get(i);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BenchmarkException(option + " needs a number, not '" + value + "': " + USAGE);
        }
    }

    private static double positive(String option, String value) {
        double number = number(option, value);
        if (number <= 0) {
            throw new BenchmarkException(option + " needs a number above 0, not '" + value + "'");
        }
        return number;
    }
}
