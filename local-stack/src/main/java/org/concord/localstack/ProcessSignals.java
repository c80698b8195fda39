package org.concord.localstack;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Signals Java has no API for (SIGSTOP, SIGCONT): sent with the system's {@code kill}. */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    /** Sends {@code signal} ("STOP", "CONT", "KILL", "TERM") to {@code pid}; true if {@code kill} said it did. */
    public static boolean send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
