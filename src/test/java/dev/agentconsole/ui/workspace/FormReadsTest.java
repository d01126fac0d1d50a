package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.connect.Connector;
import dev.agentconsole.ui.connect.QuotaViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the connect form reads by itself (the quota) goes where the operator pointed it, and only then:
 * a window started on a session opens no demo emulator for the form, and a session opened at a base URL
 * never has its key sent to the provider's default host on the way.
 */
class FormReadsTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String DEFAULT_HOST = "https://default-host.invalid";

    /** The emulator's connector, with H's default host elsewhere, recording every backend the window asks for. */
    static final class Recording implements Connector, AutoCloseable {
        final EmulatorConnector real;
        final List<String> opened = new CopyOnWriteArrayList<>();

        Recording(Emulator emulator) {
            real = new EmulatorConnector(emulator);
        }

        @Override
        public AgentBackend open(Provider provider, Optional<String> baseUrl, Optional<String> token) {
            opened.add(provider.cliName() + " " + baseUrl.orElse("(default)") + (token.isPresent() ? " with a key" : ""));
            return real.open(provider, baseUrl, token);
        }

        @Override
        public boolean hasEnvironmentToken(Provider provider) {
            return false;
        }

        @Override
        public String defaultBaseUrl(Provider provider) {
            return provider == Provider.HCOMPANY ? DEFAULT_HOST : real.defaultBaseUrl(provider);
        }

        @Override
        public String demoTask() {
            return real.demoTask();
        }

        @Override
        public Store store() {
            return real.store();
        }

        @Override
        public Path dataFolder() {
            return real.dataFolder();
        }

        @Override
        public List<dev.agentconsole.ui.connect.ConnectProfile> profileChoices() {
            return List.of(new dev.agentconsole.ui.connect.ConnectProfile("Demo", Provider.DEMO, "", Optional.empty(),
                    Optional.empty(), List.of(), "gray", "not needed")); // as the console's own list starts
        }

        @Override
        public void close() {
            real.close();
        }
    }

    final WorkspaceHarness harness = new WorkspaceHarness(Recording::new);
    final Emulator emulator = harness.emulator;
    final Recording connector = (Recording) harness.connector;
    final UiThread ui = harness.ui;
    final WorkspaceViewModel vm = harness.vm;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aNewWindowOpensNoBackendForTheFormsQuota() throws InterruptedException {
        Thread.sleep(300); // what the form's constructor posted has run by now
        ui.run(() -> assertEquals(QuotaViewModel.State.NONE, vm.form().quota().stateProperty().get()));
        assertEquals(List.of(), connector.opened, "no demo emulator, no request, until the operator asks for something");
        ui.run(() -> assertEquals("Demo", String.valueOf(vm.form().profileProperty().get()),
                "the built-in Demo named in the picker, as the form shows it, and nothing read for it"));
    }

    @Test
    void aSessionOpenedAtABaseUrlNeverSendsItsKeyToTheDefaultHost() {
        String session = emulator.createDemoSession();
        ui.run(() -> vm.form().tokenProperty().set(emulator.token())); // the key typed first, as a key for this server
        ui.await("the form at rest", WAIT, () -> vm.form().quota().stateProperty().get() != QuotaViewModel.State.LOADING);
        connector.opened.clear();
        ui.run(() -> vm.open(Provider.HCOMPANY, Optional.of(emulator.baseUrl()), Optional.of(SessionId.parse(session))));
        // the quota may still say LOADED from before the form moved: wait for a read the open has made
        ui.await("the quota of that server", WAIT, () -> !connector.opened.isEmpty()
                && vm.form().quota().stateProperty().get() == QuotaViewModel.State.LOADED);
        assertTrue(connector.opened.stream().noneMatch(o -> o.contains(DEFAULT_HOST) || o.contains("(default)")),
                "nothing opened on the provider's default host: " + connector.opened);
        assertTrue(connector.opened.contains("hcompany " + emulator.baseUrl() + " with a key"), connector.opened.toString());
    }
}
