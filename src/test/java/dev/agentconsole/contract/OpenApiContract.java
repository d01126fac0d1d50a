package dev.agentconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H's official OpenAPI 3.1 spec as a test oracle: checks one request or one response against the
 * operation the spec gives for its method and path. JSON Schema work (2020-12, {@code $ref}s inside
 * the one document, formats, OpenAPI discriminators) is networknt's; what OpenAPI adds on top
 * (path templates, query parameter encoding, declared status codes and media types) is here.
 * The spec's known gaps are tolerated only through {@link SpecDeviations}.
 */
public final class OpenApiContract {

    /** The copy of the spec the tests read (src/test/resources/contract/README.md says how to refresh it). */
    public static final String SPEC_RESOURCE = "/contract/h-agent-platform-openapi.json";
    /** The id the spec is registered under so that its {@code $ref}s resolve in itself; never fetched. */
    private static final String SPEC_ID = "https://contract.invalid/h-agent-platform-openapi.json";
    private static final String JSON = "application/json";
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Loading and compiling the spec takes a few hundred ms: every test class shares one. */
    private static final class Holder {
        static final OpenApiContract H = new OpenApiContract(SPEC_RESOURCE);
    }

    public static OpenApiContract h() {
        return Holder.H;
    }

    /** What the client sent. Header names are compared case-insensitively; {@code body} is "" when there is none. */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          String body) {
        public Request {
            method = method.toUpperCase(Locale.ROOT);
            Map<String, String> lower = new TreeMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            headers = Map.copyOf(lower);
            query = Map.copyOf(query);
            body = body == null ? "" : body;
        }

        /** A request whose query string is still raw ({@code a=1&b=x%20y}); for the response side. */
        public static Request of(String method, String pathAndQuery) {
            int q = pathAndQuery.indexOf('?');
            String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            return new Request(method, path, q < 0 ? Map.of() : parseQuery(pathAndQuery.substring(q + 1)), Map.of(), "");
        }
    }

    /** What the server answered; {@code contentType} may be null, {@code body} is "" when there is none. */
    public record Response(int status, String contentType, String body) {
        public Response {
            body = body == null ? "" : body;
        }
    }

    /** One place where an exchange and the spec disagree. */
    public record Violation(String operation, String where, String what) {
        @Override
        public String toString() {
            return operation + " " + where + ": " + what;
        }
    }

    /** One operation of the spec: its method, path template and JSON pointer. */
    public record Operation(String method, String template, String pointer, Pattern regex, List<String> params) {
        @Override
        public String toString() {
            return method + " " + template;
        }

        int literalSegments() {
            return (int) List.of(template.split("/")).stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, String> eventSchemaByType;
    private final Schema documentedErrorBody;

    private OpenApiContract(String resource) {
        String text;
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the spec is not on the test classpath: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            spec = json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Format assertions on: a session id that is not a UUID or a timestamp that is not
        // RFC 3339 is a violation, as pydantic would make it.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                b -> b.schemas(Map.of(SPEC_ID, text)).schemaRegistryConfig(config));
        spec.path("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                List<String> params = new ArrayList<>();
                Matcher t = TEMPLATE_PARAM.matcher(p.getKey());
                StringBuilder regex = new StringBuilder();
                int last = 0;
                while (t.find()) {
                    regex.append(Pattern.quote(p.getKey().substring(last, t.start()))).append("([^/]+)");
                    params.add(t.group(1));
                    last = t.end();
                }
                regex.append(Pattern.quote(p.getKey().substring(last)));
                operations.add(new Operation(m.toUpperCase(Locale.ROOT), p.getKey(),
                        "/paths/" + escape(p.getKey()) + "/" + m, Pattern.compile(regex.toString()), params));
            }
        }));
        // SessionEvent is anyOf [oneOf(typed events) by "type", TrajectoryEvent]: the catch-all
        // would accept a malformed AgentEvent, so events are checked against their mapped schema.
        Map<String, String> byType = new LinkedHashMap<>();
        for (JsonNode branch : schemaNode("SessionEvent").path("anyOf")) {
            branch.path("discriminator").path("mapping").properties()
                    .forEach(e -> byType.put(e.getKey(), e.getValue().asText()));
        }
        if (byType.isEmpty()) {
            throw new IllegalStateException("the spec's SessionEvent has no discriminator mapping any more: see SessionEvent");
        }
        eventSchemaByType = Map.copyOf(byType);
        documentedErrorBody = registry.getSchema(SpecDeviations.DOCUMENTED_ERROR_BODY, InputFormat.JSON);
    }

    // ---- what the spec says ------------------------------------------------------------------

    /** {@code info.version} of the copy in use. */
    public String specVersion() {
        return spec.path("info").path("version").asText();
    }

    /** The operation for {@code method} and a concrete path; the most literal template wins (quota over {id}). */
    public Optional<Operation> operation(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        return operations.stream()
                .filter(o -> o.method().equals(m) && o.regex().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literalSegments));
    }

    /** The operation for {@code "METHOD /template"}, exactly as the spec spells the template. */
    public Optional<Operation> operation(String methodAndTemplate) {
        String[] p = methodAndTemplate.split(" ", 2);
        return operations.stream().filter(o -> o.method().equals(p[0]) && o.template().equals(p[1])).findFirst();
    }

    /** Whether the operation declares {@code status} (exactly, as {@code 4XX}, or as {@code default}). */
    public boolean declares(Operation op, int status) {
        return responseFor(op, status).isPresent();
    }

    /** The event types the spec types (the keys of SessionEvent's discriminator mapping). */
    public Set<String> typedEventTypes() {
        return eventSchemaByType.keySet();
    }

    // ---- requests ------------------------------------------------------------------------------

    public List<Violation> checkRequest(Request r) {
        Optional<Operation> found = operation(r.method(), r.path());
        if (found.isEmpty()) {
            return List.of(new Violation(r.method() + " " + r.path(), "path", "no operation in the spec for this method and path"));
        }
        Operation op = found.get();
        JsonNode opNode = at(op.pointer());
        List<Violation> out = new ArrayList<>();
        if (needsBearer(opNode)) {
            String auth = r.headers().get("authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
                out.add(new Violation(op.toString(), "header Authorization", "the operation needs HTTPBearer; got " + auth));
            }
        }
        Matcher pathMatch = op.regex().matcher(r.path());
        pathMatch.matches();
        Set<String> declaredQuery = new HashSet<>();
        JsonNode params = opNode.path("parameters");
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            String pointer = op.pointer() + "/parameters/" + i + "/schema";
            List<String> values = switch (in) {
                case "path" -> List.of(percentDecode(pathMatch.group(op.params().indexOf(name) + 1)));
                case "query" -> {
                    declaredQuery.add(name);
                    yield r.query().getOrDefault(name, List.of());
                }
                case "header" -> Optional.ofNullable(r.headers().get(name.toLowerCase(Locale.ROOT))).map(List::of).orElse(List.of());
                default -> List.of();
            };
            if (values.isEmpty()) {
                if (p.path("required").asBoolean(false)) {
                    out.add(new Violation(op.toString(), in + " " + name, "required parameter is missing"));
                }
                continue;
            }
            Set<String> types = types(p.path("schema"));
            JsonNode value;
            if (types.contains("array")) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                Set<String> itemTypes = itemTypes(p.path("schema"));
                values.forEach(v -> array.add(coerce(v, itemTypes)));
                value = array;
            } else if (values.size() > 1) {
                out.add(new Violation(op.toString(), in + " " + name, "sent " + values.size() + " times; the schema is not an array"));
                continue;
            } else {
                value = coerce(values.get(0), types);
            }
            validate(pointer, value.toString()).forEach(e -> out.add(new Violation(op.toString(),
                    in + " " + name + "=" + values, describe(e))));
        }
        r.query().keySet().stream().filter(k -> !declaredQuery.contains(k)).sorted()
                .forEach(k -> out.add(new Violation(op.toString(), "query " + k, "parameter is not declared by the spec")));
        out.addAll(checkRequestBody(op, opNode, r));
        return out;
    }

    private List<Violation> checkRequestBody(Operation op, JsonNode opNode, Request r) {
        JsonNode requestBody = opNode.path("requestBody");
        if (requestBody.isMissingNode()) {
            return r.body().isEmpty() ? List.of()
                    : List.of(new Violation(op.toString(), "body", "the operation takes no body; sent " + abbreviate(r.body())));
        }
        if (r.body().isEmpty()) {
            return requestBody.path("required").asBoolean(false)
                    ? List.of(new Violation(op.toString(), "body", "a body is required")) : List.of();
        }
        String type = mediaType(r.headers().get("content-type"));
        if (!requestBody.path("content").has(type)) {
            return List.of(new Violation(op.toString(), "header Content-Type", "'" + type + "' is not one of "
                    + fieldNames(requestBody.path("content"))));
        }
        if (!type.equals(JSON)) {
            return List.of();
        }
        String pointer = op.pointer() + "/requestBody/content/" + escape(JSON) + "/schema";
        List<Violation> out = new ArrayList<>();
        validate(pointer, r.body()).forEach(e -> out.add(new Violation(op.toString(), "body" + e.getInstanceLocation(), describe(e))));
        // JSON Schema lets an optional discriminator property be absent (type has a default);
        // pydantic's tagged union does not ("union_tag_not_found"), so the harness insists.
        String tag = at(pointer).path("discriminator").path("propertyName").asText("");
        JsonNode body = parse(r.body());
        if (!tag.isEmpty() && body != null && body.isObject() && !body.has(tag)) {
            out.add(new Violation(op.toString(), "body", "the discriminator property '" + tag + "' is missing"));
        }
        return out;
    }

    // ---- responses -----------------------------------------------------------------------------

    public List<Violation> checkResponse(Request request, Response response) {
        Optional<Operation> found = operation(request.method(), request.path());
        if (found.isEmpty()) {
            return List.of(new Violation(request.method() + " " + request.path(), "path", "no operation in the spec for this method and path"));
        }
        Operation op = found.get();
        String where = "response " + response.status();
        Optional<String> declared = responseFor(op, response.status());
        if (declared.isEmpty()) {
            Optional<SpecDeviations.UndeclaredStatus> tolerated = SpecDeviations.undeclaredStatus(response.status());
            if (tolerated.isEmpty()) {
                return List.of(new Violation(op.toString(), where, "status " + response.status() + " is not declared for this operation"));
            }
            return checkDocumentedError(op, where, response);
        }
        String pointer = op.pointer() + "/responses/" + declared.get();
        JsonNode content = at(pointer).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (response.body().isEmpty()) {
                return List.of();
            }
            // An error the spec declares without a body shape (the resources route's 404, 4XX).
            return response.status() >= 400 ? checkDocumentedError(op, where, response)
                    : List.of(new Violation(op.toString(), where, "the spec declares no body; got " + abbreviate(response.body())));
        }
        if (response.body().isEmpty()) {
            return List.of(new Violation(op.toString(), where, "the spec declares a body " + fieldNames(content) + "; got none"));
        }
        String type = mediaType(response.contentType());
        if (!content.has(type)) {
            return List.of(new Violation(op.toString(), where + " Content-Type", "'" + type + "' is not one of " + fieldNames(content)));
        }
        if (!type.equals(JSON) || !content.path(JSON).has("schema")) {
            return List.of();
        }
        String schemaPointer = pointer + "/content/" + escape(JSON) + "/schema";
        List<Violation> out = new ArrayList<>();
        for (Error e : validate(schemaPointer, response.body())) {
            out.add(new Violation(op.toString(), where + " body" + e.getInstanceLocation(), describe(e)));
        }
        out.addAll(checkEmbeddedEvents(op, where, at(schemaPointer), parse(response.body())));
        return out;
    }

    /** Every array of {@code SessionEvent} in the body ({@code new_events}, {@code items}), event by event. */
    private List<Violation> checkEmbeddedEvents(Operation op, String where, JsonNode schema, JsonNode body) {
        JsonNode resolved = resolve(schema);
        List<Violation> out = new ArrayList<>();
        resolved.path("properties").properties().forEach(p -> {
            if (p.getValue().path("items").path("$ref").asText().equals("#/components/schemas/SessionEvent")
                    && body != null && body.path(p.getKey()).isArray()) {
                JsonNode events = body.path(p.getKey());
                for (int i = 0; i < events.size(); i++) {
                    for (Violation v : checkEvent(events.get(i))) {
                        out.add(new Violation(op.toString(), where + " body/" + p.getKey() + "/" + i + v.where(), v.what()));
                    }
                }
            }
        });
        return out;
    }

    /**
     * One event against the schema its {@code type} maps to; a type the spec does not type is
     * checked against the spec's catch-all {@code TrajectoryEvent}, which is what the spec allows.
     */
    public List<Violation> checkEvent(JsonNode event) {
        String type = event.path("type").asText("");
        String ref = eventSchemaByType.getOrDefault(type, "#/components/schemas/TrajectoryEvent");
        List<Violation> out = new ArrayList<>();
        for (Error e : validate(ref.substring(1), event.toString())) {
            out.add(new Violation("event " + (type.isEmpty() ? "(no type)" : type), e.getInstanceLocation().toString(), describe(e)));
        }
        return out;
    }

    private List<Violation> checkDocumentedError(Operation op, String where, Response response) {
        if (response.body().isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (Error e : documentedErrorBody.validate(response.body(), InputFormat.JSON)) {
            out.add(new Violation(op.toString(), where + " body" + e.getInstanceLocation(), "documented error body: " + describe(e)));
        }
        return out;
    }

    private Optional<String> responseFor(Operation op, int status) {
        JsonNode responses = at(op.pointer()).path("responses");
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        for (String key : List.of(exact, range, "default")) {
            if (responses.has(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    // ---- JSON Schema ---------------------------------------------------------------------------

    /** {@code json} against the schema at {@code pointer} in the spec ({@code /components/schemas/X}), nothing tolerated. */
    public List<Error> validate(String pointer, String json) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(SPEC_ID + "#" + p)));
        return schema.validate(json, InputFormat.JSON);
    }

    /** The spec's node at a JSON pointer. */
    public JsonNode at(String pointer) {
        return spec.at(pointer);
    }

    private JsonNode schemaNode(String name) {
        return spec.path("components").path("schemas").path(name);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = spec.at(s.path("$ref").asText().substring(1));
        }
        return s;
    }

    /** The JSON types a schema admits, through $ref and anyOf/oneOf/allOf. */
    private Set<String> types(JsonNode schema) {
        Set<String> out = new HashSet<>();
        JsonNode s = resolve(schema);
        JsonNode type = s.path("type");
        if (type.isTextual()) {
            out.add(type.asText());
        }
        type.forEach(t -> out.add(t.asText()));
        for (String union : List.of("anyOf", "oneOf", "allOf")) {
            s.path(union).forEach(b -> out.addAll(types(b)));
        }
        return out;
    }

    private Set<String> itemTypes(JsonNode schema) {
        Set<String> out = new HashSet<>();
        JsonNode s = resolve(schema);
        if (s.has("items")) {
            out.addAll(types(s.path("items")));
        }
        for (String union : List.of("anyOf", "oneOf", "allOf")) {
            s.path(union).forEach(b -> out.addAll(itemTypes(b)));
        }
        return out;
    }

    /** A query or path string as the JSON value the server's parser would make of it; unparseable stays a string. */
    private static JsonNode coerce(String raw, Set<String> types) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (types.contains("integer") && raw.matches("-?\\d+")) {
            return f.numberNode(new BigInteger(raw));
        }
        if (types.contains("number") && raw.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return f.numberNode(new BigDecimal(raw));
        }
        if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
            return f.booleanNode(raw.equals("true"));
        }
        return f.textNode(raw);
    }

    private boolean needsBearer(JsonNode opNode) {
        JsonNode security = opNode.has("security") ? opNode.path("security") : spec.path("security");
        for (JsonNode requirement : security) {
            if (requirement.has("HTTPBearer")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Error e) {
        String at = e.getInstanceLocation().toString();
        String value = e.getInstanceNode() == null ? "" : " (value " + abbreviate(e.getInstanceNode().toString()) + ")";
        return (at.isEmpty() ? "" : at + ": ") + e.getMessage() + value + " [" + e.getSchemaLocation() + "]";
    }

    // ---- small parsing helpers -------------------------------------------------------------------

    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String percentDecode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
