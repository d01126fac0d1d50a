package dev.agentconsole.emulator;

import java.time.Instant;
import java.util.List;

/** A message as the emulator received it, for tests to compare with what was sent. */
public record ReceivedMessage(String text, String callerId, List<String> images, Instant at) {
    public ReceivedMessage {
        images = List.copyOf(images);
    }
}
