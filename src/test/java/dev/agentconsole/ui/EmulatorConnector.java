package dev.agentconsole.ui;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.agi.AgiBackend;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.connect.Connector;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Every provider pointed at one test emulator, through the real clients. */
public final class EmulatorConnector implements Connector, AutoCloseable {

    private final Emulator emulator;
    private final HttpStack http = new HttpStack();
    private final Store store;

    /** With a store in memory. */
    public EmulatorConnector(Emulator emulator) {
        this(emulator, Store.inMemory());
    }

    public EmulatorConnector(Emulator emulator, Store store) {
        this.emulator = emulator;
        this.store = store;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public java.nio.file.Path dataFolder() {
        return java.nio.file.Path.of("(in memory)");
    }

    @Override
    public AgentBackend open(Provider provider, Optional<String> baseUrl, Optional<String> token) {
        String key = provider == Provider.DEMO ? emulator.token()
                : token.orElseThrow(() -> new InvalidInputException("no API key: type it into the key field"));
        HttpUrl url = Endpoint.parseBaseUrl(baseUrl.orElse(emulator.baseUrl())); // as the app's connector reads it
        Endpoint endpoint = new Endpoint(url, new ApiToken(key));
        if (provider == Provider.AGI) {
            return new AgiBackend(endpoint, http, HttpCaller.standard(new ErrorDecoder(http.json())), Duration.ofMillis(20));
        }
        return new HCompanyBackend(provider, endpoint, http);
    }

    @Override
    public boolean hasEnvironmentToken(Provider provider) {
        return false;
    }

    @Override
    public String defaultBaseUrl(Provider provider) {
        return emulator.baseUrl();
    }

    @Override
    public String demoTask() {
        return Emulator.DEMO_TASK;
    }

    @Override
    public void close() {
        http.close();
        store.close();
    }
}
