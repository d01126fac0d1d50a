package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type A, Enter, kill -9 within ~50 ms: the outbox row was committed, the emptied composer not yet
 * (drafts are saved 250 ms after the last change), so A came back as a draft and Enter sent it a
 * second time, unflagged. The outbox row and the emptied draft are committed together now.
 */
class DraftCrashTest {

    static final SessionKey KEY = SessionKey.of(Provider.HCOMPANY, "0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e");
    static final String TYPED = "book the cheaper one";

    @TempDir
    Path data;

    /** The console's side, in its own process: type, wait for the draft to be saved, send, halt at once. */
    public static void main(String[] args) throws Exception {
        Store store = Store.open(Path.of(args[0]));
        store.saveDraft(KEY, new Draft(TYPED, "", "", List.of()));
        Thread.sleep(Store.DRAFT_DELAY_MS * 3L); // the draft holding the words is on disk
        store.enqueue(store.newDeliveryId(), KEY, new Outgoing.Single(OutgoingMessage.text(TYPED)), "QUEUED", 0).join();
        store.saveDraft(KEY, Draft.EMPTY); // the composer empties itself: saved 250 ms later, too late
        Runtime.getRuntime().halt(0); // as kill -9: no shutdown hook, no flush
    }

    @Test
    void aMessageQueuedJustBeforeAKillDoesNotComeBackAsADraft() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DraftCrashTest.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the console ran");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), output);
        try (Store store = Store.open(data)) {
            assertEquals(1, store.outbox(KEY, List.of("QUEUED")).size(), "the message is in the outbox");
            Draft draft = store.draft(KEY).orElse(Draft.EMPTY);
            assertEquals("", draft.text(), "the sent words are not offered again as a draft");
        }
    }

    @Test
    void aDraftOlderThanAMessageQueuedFromItIsNotOfferedAsNew() throws Exception {
        try (Store store = Store.open(data)) {
            store.saveDraft(KEY, new Draft(TYPED, "", "", List.of("later line")));
            Thread.sleep(Store.DRAFT_DELAY_MS * 3L);
            assertEquals(Optional.of(TYPED), store.draft(KEY).map(Draft::text));
            store.enqueue(store.newDeliveryId(), KEY, new Outgoing.Single(OutgoingMessage.text(TYPED)), "QUEUED", 0).join();
            Draft after = store.draft(KEY).orElseThrow();
            assertEquals("", after.text());
            assertEquals(List.of("later line"), after.queue(), "what was not sent stays");
        }
    }

    @Test
    void wordsTypedAfterASendAreKeptEvenWhenTheSentMessageContainsThem() throws Exception {
        try (Store store = Store.open(data)) {
            store.saveDraft(KEY, new Draft("yes", "", "", List.of())); // typed while "yes please" was on its way
            store.enqueue(store.newDeliveryId(), KEY, new Outgoing.Single(OutgoingMessage.text("yes please")), "QUEUED", 0).join();
            assertEquals("yes", store.draft(KEY).orElseThrow().text(), "the next message is the operator's, not a sent one");
            Thread.sleep(Store.DRAFT_DELAY_MS * 3L);
            store.enqueue(store.newDeliveryId(), KEY, new Outgoing.Single(OutgoingMessage.text("I do not know")), "QUEUED", 0).join();
            assertEquals("yes", store.draft(KEY).orElseThrow().text(), "a later message that merely contains it does not clear it");
        }
    }
}
