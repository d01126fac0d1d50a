package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** An answer the emulator sends: status, optional JSON body, extra headers. */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    /** The handler already wrote its answer (a stream). */
    static final Reply STREAMED = new Reply(0, null, Map.of());

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, Map.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, Map.of());
    }

    /** H's error body: {@code {"message": ...}}. */
    static Reply message(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        return json(status, body);
    }

    /** FastAPI's plain error body: {@code {"detail": "..."}} (unknown routes, wrong methods). */
    static Reply detail(int status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("detail", detail);
        return json(status, body);
    }

    /** A pydantic validation failure: 422 with {@code detail: [{type, loc, msg, input}]}. */
    static Reply invalid(List<Problem> problems) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode detail = body.putArray("detail");
        for (Problem p : problems) {
            ObjectNode d = detail.addObject();
            d.put("type", p.type());
            ArrayNode loc = d.putArray("loc");
            for (Object part : p.loc()) {
                if (part instanceof Integer i) {
                    loc.add(i);
                } else {
                    loc.add(String.valueOf(part));
                }
            }
            d.put("msg", p.msg());
            d.set("input", p.input() == null ? JsonNodeFactory.instance.nullNode() : p.input());
        }
        return json(422, body);
    }

    static Reply invalid(String type, List<Object> loc, String msg, JsonNode input) {
        return invalid(List.of(new Problem(type, loc, msg, input)));
    }

    /** One pydantic error entry. */
    record Problem(String type, List<Object> loc, String msg, JsonNode input) {}
}
