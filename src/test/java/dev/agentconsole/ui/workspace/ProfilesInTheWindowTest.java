package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.ProfileColour;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.connect.ConnectProfile;
import dev.agentconsole.ui.connect.QuotaViewModel;
import dev.agentconsole.ui.connect.SessionListViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect form through a profile, with the real composition root: the profile sets where the
 * session is and the hosts its key may go to, a missing key is asked for, the environment's key
 * wins and says so, and the session is marked with the profile's name and colour.
 */
class ProfilesInTheWindowTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path data;
    final Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
    final UiThread ui = new UiThread();
    final ExecutorService io = Executors.newCachedThreadPool();
    Services services;
    WorkspaceViewModel vm;

    private void open(Map<String, String> env) {
        services = new Services(env, Optional.of(data));
        HttpUrl url = HttpUrl.get(emulator.baseUrl());
        services.profiles().add(new Profile("Staging", Provider.HCOMPANY, emulator.baseUrl(), Optional.empty(), Optional.empty(),
                List.of(url.host()), ProfileColour.RED));
        vm = ui.call(() -> new WorkspaceViewModel(services, ui, io, Instant::now, Notifier.NONE));
        ui.await("the profiles read", WAIT, () -> vm.form().profiles().size() == 2);
    }

    private ConnectProfile staging() {
        return ui.call(() -> vm.form().profiles().stream().filter(p -> p.name().equals("Staging")).findFirst().orElseThrow());
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            ui.run(vm::close);
        }
        ui.close();
        io.shutdownNow();
        if (services != null) {
            services.close();
        }
        emulator.close();
    }

    @Test
    void aProfileWithoutAKeyAsksForOneAndItsSessionsWearItsColour() {
        open(Map.of());
        String session = emulator.createDemoSession();
        ConnectProfile staging = staging();
        ui.run(() -> {
            assertEquals("Demo", vm.form().profiles().get(0).name(), "the Demo is built in, first");
            vm.form().profileProperty().set(staging);
            assertEquals(Provider.HCOMPANY, vm.form().providerProperty().get());
            assertEquals(staging.baseUrl(), vm.form().baseUrlProperty().get());
            assertTrue(vm.form().tokenNeededProperty().get(), "no key in the environment or the keychain: asked for");
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertEquals("Staging", vm.front().title().profileProperty().get());
            assertEquals("red", vm.front().title().colourProperty().get());
        });
    }

    @Test
    void rememberWithoutAKeychainSaysTheKeyIsKeptForThisRunOnly() {
        open(Map.of()); // no session bus in this environment: no keychain
        String session = emulator.createDemoSession();
        ConnectProfile staging = staging();
        ui.run(() -> {
            vm.form().profileProperty().set(staging);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().rememberKeyProperty().set(true);
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("said once", WAIT, () -> vm.form().noticeProperty().get().contains("kept in memory for this run"));
        ui.await("live all the same", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
    }

    @Test
    void aBaseUrlOutsideTheProfilesHostsIsRefusedNamingTheHostAndNothingIsSent() {
        open(Map.of());
        String session = emulator.createDemoSession();
        ConnectProfile staging = staging();
        long before = emulator.requestCount();
        ui.run(() -> {
            vm.form().profileProperty().set(staging);
            vm.form().baseUrlProperty().set(emulator.baseUrl().replace("127.0.0.1", "localhost"));
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("refused", WAIT, () -> vm.form().noticeProperty().get().contains("localhost"));
        assertTrue(vm.form().noticeProperty().get().contains("not among"), vm.form().noticeProperty().get());
        // the quota and the session list are read for the form as it stands: through the profile too
        ui.run(() -> vm.form().loadSessions());
        ui.await("the list refused", WAIT, () -> vm.form().list().stateProperty().get() == SessionListViewModel.State.FAILED);
        ui.await("the quota refused", WAIT, () -> vm.form().quota().stateProperty().get() == QuotaViewModel.State.FAILED);
        ui.run(() -> {
            assertTrue(vm.form().list().problemProperty().get().contains("localhost"), vm.form().list().problemProperty().get());
            assertTrue(vm.form().quota().problemProperty().get().contains("localhost"), vm.form().quota().problemProperty().get());
        });
        assertEquals(before, emulator.requestCount(), "no byte of the key left");
    }

    @Test
    void aLaunchNamingAProfileOpensThroughItAndTheSessionWearsItsNameAndColour() {
        open(Map.of("HAI_API_KEY", emulator.token()));
        String session = emulator.createDemoSession();
        // --profile Staging --session S, on the command line or handed over by a later launch
        ui.run(() -> vm.form().useProfile("Staging", () -> vm.open(Provider.HCOMPANY, Optional.of(emulator.baseUrl()),
                Optional.of(dev.agentconsole.agent.SessionId.parse(session)))));
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertEquals("Staging", vm.form().profileProperty().get().name());
            assertEquals("Staging", vm.front().title().profileProperty().get());
            assertEquals("red", vm.front().title().colourProperty().get());
        });
    }

    @Test
    void aLaterLaunchWithoutAProfileGoesToTheProvidersDefaultNotToTheLastProfilesHost() {
        open(Map.of()); // no key anywhere: the session waits for one, and nothing goes out
        String session = emulator.createDemoSession();
        ConnectProfile staging = staging();
        ui.run(() -> vm.form().profileProperty().set(staging)); // the form points at the staging host
        long before = emulator.requestCount();
        // agent-console --provider hcompany --session S, handed over: no --profile, no --base-url
        ui.run(() -> vm.openLaunched(Provider.HCOMPANY, Optional.empty(), Optional.of(dev.agentconsole.agent.SessionId.parse(session)),
                Optional.empty(), Optional.empty()));
        ui.await("the session, waiting for its key", WAIT, () -> vm.front() != null);
        ui.run(() -> {
            assertEquals(null, vm.form().profileProperty().get(), "a provider by hand");
            assertEquals(services.defaultBaseUrl(Provider.HCOMPANY), vm.form().baseUrlProperty().get(),
                    "the provider's default, as on the command line");
            assertEquals("", vm.front().title().profileProperty().get(), "no profile's mark");
        });
        assertEquals(before, emulator.requestCount(), "nothing sent to the staging host");
    }

    @Test
    void aProfileThatIsNotThereIsSaidAndTheLaunchGoesOn() {
        open(Map.of());
        java.util.concurrent.atomic.AtomicBoolean went = new java.util.concurrent.atomic.AtomicBoolean();
        ui.run(() -> vm.form().useProfile("Nowhere", () -> went.set(true)));
        ui.await("went on", WAIT, went::get);
        ui.run(() -> assertEquals("there is no profile named Nowhere", vm.form().noticeProperty().get()));
    }

    @Test
    void theEnvironmentsKeyWinsAndTheFormSaysSo() {
        open(Map.of("HAI_API_KEY", emulator.token()));
        String session = emulator.createDemoSession();
        ConnectProfile staging = staging();
        ui.run(() -> {
            vm.form().profileProperty().set(staging);
            assertFalse(vm.form().tokenNeededProperty().get());
            assertTrue(vm.form().keySourceProperty().get().contains("HAI_API_KEY"), vm.form().keySourceProperty().get());
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI); // another provider by hand: no profile applies
            assertEquals(null, vm.form().profileProperty().get());
            assertEquals("", vm.form().keySourceProperty().get());
        });
    }
}
