package dev.agentconsole.ui.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.attach.TestImages;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The strip's model without the toolkit: io work is queued and run by hand, the UI thread is this one. */
class AttachmentsViewModelTest {

    private final Queue<Runnable> io = new ArrayDeque<>();
    private AttachmentsViewModel vm;

    @BeforeEach
    void create() {
        vm = new AttachmentsViewModel(Runnable::run, io::add);
        vm.setLimits(true, 200_000); // small, so the pasted image needs a fit of its own
    }

    /** Pastes a screenshot and runs its reading: its fit is then queued on io. */
    private long pasteAndRead() {
        vm.addPixels("pasted image", () -> TestImages.noise(400, 300, 1));
        io.remove().run();
        assertEquals(1, io.size(), "the fit is queued");
        return vm.items().get(0).id();
    }

    @Test
    void removingTheLastImageWhileItIsFittedLeavesTheComposerReady() {
        long id = pasteAndRead();
        assertTrue(vm.busyProperty().get());

        vm.remove(id);
        io.remove().run(); // the fit of the image that is gone stops

        assertFalse(vm.busyProperty().get(), "busy would hold the Send button back");
        assertTrue(vm.items().isEmpty());
    }

    @Test
    void clearingWhileAnImageIsFittedLeavesTheComposerReady() {
        pasteAndRead();

        vm.clear();
        io.remove().run();

        assertFalse(vm.busyProperty().get());
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void aFitThatCompletesShowsItsResult() {
        pasteAndRead();

        io.remove().run();

        assertFalse(vm.busyProperty().get());
        assertTrue(vm.items().get(0).fitted().isPresent());
        assertTrue(vm.dataUris().isPresent());
    }

    @Test
    void theTileSaysTheSizeAsItCameAndAsItIsSent() {
        var reencoded = new dev.agentconsole.attach.ImageFitter.Fitted("shot.png", "data:image/jpeg;base64,", "image/jpeg",
                1920, 1080, 276_000, "re-encoded as JPEG", 207_000, 10_900_000, 1920, 1080);
        assertEquals("10.9 MB → 207 KB", AttachmentsViewModel.sizes(reencoded));
        assertEquals("1920 × 1080 PNG, 10.9 MB → sent as 1920 × 1080 JPEG, 207 KB (276 KB in the request, as base64): "
                + "re-encoded as JPEG.", AttachmentsViewModel.details(reencoded, "image/png"));
        var asItIs = new dev.agentconsole.attach.ImageFitter.Fitted("small.png", "data:image/png;base64,", "image/png",
                800, 500, 61_000, "sent as it is", 45_500, 45_500, 800, 500);
        assertEquals("46 KB, as it is", AttachmentsViewModel.sizes(asItIs));
    }
}
