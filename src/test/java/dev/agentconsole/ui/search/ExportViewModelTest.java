package dev.agentconsole.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.store.export.Export;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    private static final SessionKey KEY = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @TempDir
    Path dir;

    @Test
    void theBoundSessionIsWrittenWithItsUrlScreenshotsFetchedThroughTheSession() throws Exception {
        try (Store store = Store.inMemory()) {
            String url = "https://agp.eu.hcompany.ai/api/v2/sessions/" + KEY.sessionId() + "/resources/screenshots/1.png";
            store.append(KEY, List.of(new AgentEvent.Observation(1, AT, Optional.of("page"), Optional.of(url))), 2).join();
            List<String> fetched = new ArrayList<>();
            ExportViewModel vm = new ExportViewModel(() -> store, () -> Optional.of(KEY), u -> {
                fetched.add(u);
                return PNG;
            }, Runnable::run, Runnable::run);
            assertEquals("session-6f1c1a52.html", vm.suggestedName());
            Path file = dir.resolve("replay.html");
            vm.save(file);
            assertEquals("Saved replay.html (1 events).", vm.statusProperty().get());
            assertFalse(vm.busyProperty().get());
            assertEquals(List.of(url), fetched);
            assertTrue(Files.readString(file).contains("data:image/png;base64,iVBORw0KGgo"));
            vm.formatProperty().set(Export.Format.JSON);
            assertEquals("session-6f1c1a52.json", vm.suggestedName());
        }
    }

    @Test
    void withoutABoundSessionThereIsNothingToExport() {
        try (Store store = Store.inMemory()) {
            ExportViewModel vm = new ExportViewModel(() -> store, Optional::empty, u -> PNG, Runnable::run, Runnable::run);
            assertFalse(vm.canExport());
            vm.save(dir.resolve("x.html"));
            assertEquals("Bind a session first: there is nothing to export.", vm.statusProperty().get());
            assertFalse(Files.exists(dir.resolve("x.html")));
        }
    }
}
