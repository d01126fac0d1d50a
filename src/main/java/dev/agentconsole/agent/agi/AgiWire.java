package dev.agentconsole.agent.agi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** AGI Inc v1 wire types. Unknown fields are ignored; status values stay strings. */
final class AgiWire {

    private AgiWire() {}

    /** {@code POST /v1/sessions/{id}/message}: exactly these two fields. */
    record SendMessage(String message, @JsonProperty("start_url") String startUrl) {}

    /** The answer to {@code POST /message} and the commands: {@code success} false is a refusal. */
    record Outcome(Boolean success, String message) {}

    /** {@code POST /v1/sessions}. */
    record CreateSession(@JsonProperty("agent_name") String agentName) {}

    /** {@code GET /v1/sessions/{id}/messages}. */
    record Messages(List<JsonNode> messages, String status, @JsonProperty("has_agent") Boolean hasAgent) {}

    /** {@code GET /v1/sessions/{id}/status}. */
    record Status(String status) {}

    /** {@code GET /v1/sessions/{id}}, a row of {@code GET /v1/sessions}, and the create answer. */
    record Session(@JsonProperty("session_id") String sessionId, @JsonProperty("vnc_url") String vncUrl,
                   @JsonProperty("agent_name") String agentName, String status,
                   @JsonProperty("created_at") String createdAt) {}

    /** {@code GET /v1/sessions/{id}/screenshot}. */
    record Screenshot(String screenshot, String url, String title) {}
}
