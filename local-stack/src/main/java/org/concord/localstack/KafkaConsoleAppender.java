package org.concord.localstack;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Shows the broker's (and the launcher's Kafka clients') warnings on the terminal behind the {@code kafka}
 * tag, one line each; the full text with stack traces is in {@code <data>/logs/kafka.log}.
 */
public final class KafkaConsoleAppender extends AppenderBase<ILoggingEvent> {

    /** Warnings a single-node broker gives in normal operation: kept in kafka.log, not worth the terminal. */
    static final List<String> ROUTINE = List.of(
            "Performing controller activation",
            "Attempting to close NetworkClient that has already been closed");

    static boolean routine(String message) {
        return message != null && ROUTINE.stream().anyMatch(message::contains);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (routine(event.getFormattedMessage())) {
            return;
        }
        String logger = event.getLoggerName().substring(event.getLoggerName().lastIndexOf('.') + 1);
        StringBuilder text = new StringBuilder(String.format("%-5s %s: %s", event.getLevel(), logger, event.getFormattedMessage()));
        IThrowableProxy cause = event.getThrowableProxy();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != null) {
            String type = cause.getClassName().substring(cause.getClassName().lastIndexOf('.') + 1);
            text.append(" (").append(type).append(cause.getMessage() == null ? "" : ": " + cause.getMessage()).append(')');
        }
        Console.Colour colour = event.getLevel().isGreaterOrEqual(Level.ERROR) ? Console.Colour.RED : Console.Colour.YELLOW;
        Console.line("kafka", Console.Colour.YELLOW, colour, text.toString());
    }
}
