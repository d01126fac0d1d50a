package dev.agentconsole.contract;

import java.util.List;
import java.util.Optional;

/**
 * THE allow-list: every place where the contract tests accept something the stored spec does not
 * say, each with the reason. Nothing else is skipped anywhere. {@code SpecDeviationsTest} fails
 * once an entry is no longer needed (a refreshed spec says it itself), so the list only shrinks.
 */
public final class SpecDeviations {

    private SpecDeviations() {}

    /**
     * A status code the spec's session operations do not declare (FastAPI lists only the 2xx and
     * its own 422) but H's documentation does (reference/agent-apis.md, "Errors"). Its body must
     * still be the documented error shape, {@link #DOCUMENTED_ERROR_BODY}.
     *
     * @param example an operation that sends it and does not declare it: the proof it is still needed
     */
    public record UndeclaredStatus(int status, String example, String reason) {}

    public static final List<UndeclaredStatus> UNDECLARED_STATUSES = List.of(
            new UndeclaredStatus(400, "POST /api/v2/sessions/{id}/pause",
                    "docs: 400 = the session can't accept that event (pausing or resuming a finished session)"),
            new UndeclaredStatus(401, "GET /api/v2/sessions/{id}/status",
                    "docs: 401 for a missing or wrong API key; the spec only marks the operations HTTPBearer"),
            new UndeclaredStatus(404, "GET /api/v2/sessions/{id}",
                    "docs: 404 = not found or no access (a well-formed id no session has)"),
            new UndeclaredStatus(413, "POST /api/v2/sessions/{id}/messages",
                    "docs: the server rejects bodies over the SDK's 5 MB; 413 is HTTP's status for it"));

    /**
     * H's error body as the docs give it: {@code {"message": str, "detail": ...}}, where a 401
     * may carry only {@code message} and FastAPI's own errors only {@code detail}.
     */
    public static final String DOCUMENTED_ERROR_BODY = """
            {"type": "object",
             "properties": {"message": {"type": "string"}},
             "anyOf": [{"required": ["message"]}, {"required": ["detail"]}]}""";

    public static Optional<UndeclaredStatus> undeclaredStatus(int status) {
        return UNDECLARED_STATUSES.stream().filter(s -> s.status() == status).findFirst();
    }
}
