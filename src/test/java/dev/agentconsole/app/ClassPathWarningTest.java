package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** "WARNING: Unsupported JavaFX configuration" no longer greets every java -jar start; other JavaFX warnings still show. */
class ClassPathWarningTest {

    @Test
    void onlyTheClassPathWarningIsDropped() {
        ConsoleApp.quietClassPathWarning();
        List<String> shown = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord r) {
                shown.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger javafx = Logger.getLogger("javafx");
        Logger css = Logger.getLogger("javafx.css");
        javafx.addHandler(recorder);
        try {
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
            javafx.log(Level.WARNING, "something else JavaFX needs to say");
            css.log(Level.WARNING, "Could not resolve '-ac-muted' while resolving lookups");
        } finally {
            javafx.removeHandler(recorder);
        }
        assertEquals(List.of("something else JavaFX needs to say", "Could not resolve '-ac-muted' while resolving lookups"), shown);
    }
}
