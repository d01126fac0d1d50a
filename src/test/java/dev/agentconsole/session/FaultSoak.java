package dev.agentconsole.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Issue 5's fault soak: {@code count} messages queued at once through the real controller and
 * store, while a chaos thread injects, after every few arrivals, one of: a dropped connection
 * after the server read the request, a 503 with Retry-After, a burst of 500s, a refused-connection
 * window (a proxy in front of the emulator), or a status read stalled past the client's timeout.
 * Used by {@code OutboxFaultSoakTest} (small) and the benchmark (1,000 messages).
 */
public final class FaultSoak {

    /**
     * What a soak ends with. {@code lost}: neither arrived nor flagged. {@code uncertainArrived}:
     * flagged uncertain and the emulator has it (the drops); {@code uncertainNotArrived}: flagged and
     * it never reached the emulator (a connection the kernel accepted just as the proxy's listener
     * closed: written, then reset, which no client can tell from a drop).
     */
    public record Result(int messages, int arrivedOnce, long duplicates, int lost, int everUncertain, int uncertainArrived,
                         int uncertainNotArrived, long dropsInjected, long status503, long status500, long refusals,
                         long stalls, int failed, long millis) {}

    private static final Set<DeliveryState> SETTLED = Set.of(DeliveryState.ACCEPTED, DeliveryState.SEEN,
            DeliveryState.UNCERTAIN, DeliveryState.FAILED);

    private FaultSoak() {}

    public static Result run(int count, Path dataDir, long seed) throws Exception {
        long t0 = System.nanoTime();
        try (Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(200)));
             FlakyProxy proxy = new FlakyProxy(emulator.port());
             Store store = Store.open(dataDir)) {
            String session = emulator.createDemoSession();
            HttpStack http = HttpStack.withoutConnectionReuse(Duration.ofSeconds(1), Duration.ofSeconds(2));
            Endpoint endpoint = new Endpoint(HttpUrl.get("http://127.0.0.1:" + proxy.port()), new ApiToken(emulator.token()));
            Map<Long, DeliveryState> states = new ConcurrentHashMap<>();
            Set<Long> everUncertain = ConcurrentHashMap.newKeySet();
            Map<Long, String> textOf = new ConcurrentHashMap<>();
            SessionController.Listener listener = new SessionController.Listener() {
                public void onEvents(List<AgentEvent> events) { }

                public void onSnapshot(SessionSnapshot snapshot) { }

                public void onConnection(ConnectionState state, Optional<AgentError> cause) { }

                public void onDelivery(Delivery d) {
                    states.put(d.id(), d.state());
                    // uncertain, or its answer lost after the agent's echo had already shown it arrived
                    if (d.state() == DeliveryState.UNCERTAIN || d.cause().filter(AgentError.Uncertain.class::isInstance).isPresent()) {
                        everUncertain.add(d.id());
                    }
                }

                public void onCommandFailed(String command, AgentError error) { }
            };
            Random random = new Random(seed);
            long[] stalls = {0};
            try (SessionController controller = new SessionController(new HCompanyBackend(Provider.HCOMPANY, endpoint, http),
                    SessionId.parse(session), listener, Duration.ofSeconds(2), store)) {
                controller.start();
                Thread chaos = new Thread(() -> chaos(emulator, proxy, session, count, random, stalls), "chaos");
                chaos.setDaemon(true);
                chaos.start();
                for (int i = 1; i <= count; i++) {
                    Delivery d = controller.send(new Outgoing.Single(OutgoingMessage.text("soak message " + i)));
                    textOf.put(d.id(), "soak message " + i);
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (!(states.size() == count && states.values().stream().allMatch(SETTLED::contains))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the soak did not settle: " + states);
                    }
                    Thread.sleep(50);
                }
                chaos.interrupt();
                chaos.join();
                emulator.faults().clear();
                Thread.sleep(2000); // the echoes of the last ones
            } finally {
                http.close();
            }
            Map<String, Integer> arrivals = new HashMap<>();
            for (ReceivedMessage m : emulator.receivedMessages(session)) {
                arrivals.merge(m.text(), 1, Integer::sum);
            }
            int once = 0;
            int lost = 0;
            int failed = 0;
            int uncertainArrived = 0;
            int uncertainNotArrived = 0;
            for (Map.Entry<Long, String> e : textOf.entrySet()) {
                int arrived = arrivals.getOrDefault(e.getValue(), 0);
                DeliveryState state = states.get(e.getKey());
                once += arrived == 1 ? 1 : 0;
                failed += state == DeliveryState.FAILED ? 1 : 0;
                boolean flagged = state == DeliveryState.UNCERTAIN || state == DeliveryState.FAILED;
                if (arrived == 0 && !flagged) {
                    lost++;
                }
                if (everUncertain.contains(e.getKey())) {
                    if (arrived > 0) {
                        uncertainArrived++;
                    } else {
                        uncertainNotArrived++;
                    }
                }
            }
            Faults faults = emulator.faults();
            return new Result(count, once, emulator.duplicateCount(), lost, everUncertain.size(), uncertainArrived,
                    uncertainNotArrived,
                    faults.injected(Faults.Fault.DropAfterRead.class), countStatus(emulator, 503), countStatus(emulator, 500),
                    proxy.refusals(), stalls[0], failed, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static long countStatus(Emulator emulator, int code) {
        return emulator.faults().injectedStatus(code);
    }

    /** After every few arrivals, one fault, chosen at random. */
    private static void chaos(Emulator emulator, FlakyProxy proxy, String session, int count, Random random, long[] stalls) {
        String send = "POST /api/v2/sessions/{id}/messages";
        int every = 8;
        int next = every;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int arrived = emulator.receivedMessages(session).size();
                if (arrived >= count) {
                    return;
                }
                if (arrived < next) {
                    Thread.sleep(5);
                    continue;
                }
                next = arrived + every;
                switch (random.nextInt(5)) {
                    case 0 -> emulator.faults().add(Faults.Rule.on(send, new Faults.Fault.DropAfterRead(), 1));
                    case 1 -> emulator.faults().add(Faults.Rule.on(send, new Faults.Fault.Status(503, Optional.of("1")), 1));
                    case 2 -> emulator.faults().add(Faults.Rule.on(send, new Faults.Fault.Status(500, Optional.empty()), 2));
                    case 3 -> proxy.refuseFor(Duration.ofMillis(300));
                    default -> {
                        // a status read that outlasts the client's 2 s read timeout
                        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/status",
                                new Faults.Fault.Delay(Duration.ofMillis(2500)), 1));
                        stalls[0]++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the proxy could not listen again: " + e.getMessage(), e);
        }
    }
}
