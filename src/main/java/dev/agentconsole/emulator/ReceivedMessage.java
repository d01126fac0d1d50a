package dev.agentconsole.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A message as the emulator received it, for tests to compare with what was sent.
 *
 * @param at          on the emulator's script clock
 * @param arrivalNanos {@link System#nanoTime()} when the request was parsed, for latency benchmarks
 */
public record ReceivedMessage(String text, String callerId, List<String> images, Instant at, long arrivalNanos) {
    public ReceivedMessage {
        images = List.copyOf(images);
    }

    public ReceivedMessage(String text, String callerId, List<String> images, Instant at) {
        this(text, callerId, images, at, System.nanoTime());
    }
}
