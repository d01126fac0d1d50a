package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.agent.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's "every event type" script: one event of each type H's OpenAPI spec defines, each
 * valid against its schema (required fields, declared fields only, types, enums), and the client
 * makes a known event of every one.
 */
class HEveryEventTypeTest {

    static final String CHANGES = "GET /api/v2/sessions/{id}/changes";
    /** H's official OpenAPI 3.1 spec (hcompai/hai-agents-ts openapi.json @ 03a8be37). */
    static final String SPEC = "/contract/h-agent-platform-openapi.json";

    final Emulator emulator = Emulator.start(0, ScriptClock.manual());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everySpecTypeAndKindIsEmittedOnceAndMatchesItsSchema() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(HEveryEventTypeTest.class.getResource(SPEC));
        JsonNode schemas = spec.path("components").path("schemas");
        String session = emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on(CHANGES, new Faults.Fault.EveryEventType(), 1));
        JsonNode events = new RawH(emulator).call("GET", "/api/v2/sessions/" + session + "/changes?from_index=0", null)
                .body().path("new_events");

        Set<String> expected = new TreeSet<>();
        schemas.path("SessionEvent").path("anyOf").get(0).path("discriminator").path("mapping").fieldNames().forEachRemaining(expected::add);
        expected.remove("AgentEvent"); // stands for its kinds, below
        for (JsonNode kind : schemas.path("AgentEvent").path("properties").path("data").path("oneOf")) {
            expected.add("AgentEvent/" + schemas.path(ref(kind)).path("properties").path("kind").path("const").asText());
        }
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("type").asText();
            String name = type.equals("AgentEvent") ? type + "/" + event.path("data").path("kind").asText() : type;
            seen.add(name);
            validate(schemas, event, schemas.path(type), name, problems);
            if (type.equals("AgentEvent")) {
                String kindSchema = null;
                for (JsonNode member : schemas.path("AgentEvent").path("properties").path("data").path("oneOf")) {
                    if (schemas.path(ref(member)).path("properties").path("kind").path("const").asText()
                            .equals(event.path("data").path("kind").asText())) {
                        kindSchema = ref(member);
                    }
                }
                validate(schemas, event.path("data"), schemas.path(String.valueOf(kindSchema)), name + ".data", problems);
            }
        }
        assertEquals(expected, seen, "one of every type and kind the spec defines");
        assertEquals(List.of(), problems);
    }

    @Test
    void theClientMakesAKnownEventOfEveryOne() {
        String session = emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on(CHANGES, new Faults.Fault.EveryEventType(), 1));
        try (HttpStack http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            HttpCaller caller = new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), d -> { },
                    RandomGenerator.of("L64X128MixRandom"), Clock.systemUTC());
            try (HCompanyBackend h = new HCompanyBackend(Provider.DEMO,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http, caller)) {
                List<AgentEvent> events = h.events(SessionId.parse(session), 0, Duration.ZERO).events();
                assertFalse(events.isEmpty());
                assertTrue(events.stream().noneMatch(e -> e instanceof AgentEvent.Other), events.toString());
                for (Class<?> kind : List.of(AgentEvent.Thought.class, AgentEvent.ToolResult.class, AgentEvent.Step.class,
                        AgentEvent.Failure.class, AgentEvent.Observation.class, AgentEvent.Message.class, AgentEvent.Answer.class,
                        AgentEvent.StatusChange.class, AgentEvent.LiveView.class, AgentEvent.Metrics.class, AgentEvent.Note.class)) {
                    assertTrue(events.stream().anyMatch(kind::isInstance), "a " + kind.getSimpleName() + " among " + events);
                }
                assertTrue(events.toString().contains("80520750.98346955"), "the price keeps its digits");
            }
        }
    }

    private static String ref(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A small JSON Schema check for the spec's shapes: $ref, anyOf/oneOf, const, enum, type, required, properties, items. */
    private static void validate(JsonNode schemas, JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (schema.has("$ref")) {
            validate(schemas, value, schemas.path(ref(schema)), where, problems);
            return;
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (schema.has(union)) {
                boolean any = false;
                for (JsonNode branch : schema.path(union)) {
                    List<String> tried = new ArrayList<>();
                    validate(schemas, value, branch, where, tried);
                    any |= tried.isEmpty();
                }
                if (!any) {
                    problems.add(where + ": matches none of " + union + " " + value);
                }
                return;
            }
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            problems.add(where + ": must be " + schema.path("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode v : schema.path("enum")) {
                listed |= v.equals(value);
            }
            if (!listed) {
                problems.add(where + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        String type = schema.path("type").asText("");
        boolean typeOk = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
        if (!typeOk) {
            problems.add(where + ": " + value + " is not " + type);
            return;
        }
        if (value.isObject() && schema.has("properties")) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + ": lacks required '" + required.asText() + "'");
                }
            }
            value.fieldNames().forEachRemaining(field -> {
                if (!schema.path("properties").has(field)) {
                    problems.add(where + ": '" + field + "' is not in the schema");
                } else if (!(where.endsWith(".data") || where.contains("/")) || !field.equals("data")) {
                    validate(schemas, value.path(field), schema.path("properties").path(field), where + "." + field, problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                validate(schemas, item, schema.path("items"), where + "[]", problems);
            }
        }
    }
}
