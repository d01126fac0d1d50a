package dev.agentconsole.app.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Profiles as JSON, the same document in {@code profiles.json} and in an export:
 * {@code {"version": 1, "profiles": [{"name", "provider", "baseUrl", "agent"?, "callerId"?, "hosts", "colour"}]}}.
 * Read by hand from the tree, strictly: an unknown field is refused by name, and a field that looks
 * like it holds a key ({@code key}, {@code apiKey}, {@code token}, {@code secret}, ...) is refused
 * with a message that says keys never go in a profile; its value is never read nor shown.
 */
final class ProfileJson {

    static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("name", "provider", "baseUrl", "agent", "callerId", "hosts", "colour");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileJson() {}

    /** The document for these profiles (the built-in Demo is never among them). */
    static String write(List<Profile> profiles) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("version", VERSION);
        ArrayNode list = doc.putArray("profiles");
        for (Profile p : profiles) {
            ObjectNode o = list.addObject();
            o.put("name", p.name());
            o.put("provider", p.provider().cliName());
            o.put("baseUrl", p.baseUrl());
            p.agent().ifPresent(a -> o.put("agent", a));
            p.callerId().ifPresent(c -> o.put("callerId", c));
            ArrayNode hosts = o.putArray("hosts");
            p.hosts().forEach(hosts::add);
            o.put("colour", p.colour().id());
        }
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a document holds: its version, and each entry as a profile or as the problem with it. */
    record Read(int version, List<Entry> entries) {}

    /** One entry: a profile, or what is wrong with it (named by its position, from 1, and its name when it has one). */
    record Entry(int position, Optional<Profile> profile, Optional<String> problem) {}

    /**
     * Reads a document. The document itself must be whole and of the right shape (else an
     * {@link InvalidInputException} says where); each entry is checked on its own.
     *
     * @return entries in order; a version above {@link #VERSION} returns no entries (they may mean something else)
     */
    static Read read(String json) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not JSON (" + e.getOriginalMessage() + ", line " + e.getLocation().getLineNr() + ")");
        }
        if (doc == null || !doc.isObject()) {
            throw new InvalidInputException("not a profiles document: expected {\"version\": 1, \"profiles\": [...]}");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isInt() || version.asInt() < 1) {
            throw new InvalidInputException("not a profiles document: \"version\" must be a whole number (1)");
        }
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (looksLikeKey(field)) {
                throw new InvalidInputException(keyRefusal(field, "the document"));
            }
            if (!field.equals("version") && !field.equals("profiles") && version.asInt() <= VERSION) {
                throw new InvalidInputException("not a profiles document: unknown field '" + field + "'");
            }
        }
        if (version.asInt() > VERSION) {
            return new Read(version.asInt(), List.of());
        }
        JsonNode profiles = doc.get("profiles");
        if (profiles == null || !profiles.isArray()) {
            throw new InvalidInputException("not a profiles document: \"profiles\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode node : profiles) {
            position++;
            try {
                entries.add(new Entry(position, Optional.of(profile(node)), Optional.empty()));
            } catch (InvalidInputException e) {
                String name = node.isObject() && node.path("name").isTextual() ? node.get("name").asText() : null;
                String said = "profile '" + name + "': ";
                String problem = name != null && e.getMessage().startsWith(said) ? e.getMessage().substring(said.length())
                        : e.getMessage();
                entries.add(new Entry(position, Optional.empty(), Optional.of("profile " + position
                        + (name == null ? "" : " ('" + name + "')") + ": " + problem)));
            }
        }
        return new Read(version.asInt(), entries);
    }

    private static Profile profile(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidInputException("not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (looksLikeKey(field)) {
                throw new InvalidInputException(keyRefusal(field, "a profile"));
            }
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException("unknown field '" + field + "' (a profile has " + String.join(", ",
                        List.of("name", "provider", "baseUrl", "agent", "callerId", "hosts", "colour")) + ")");
            }
        }
        String name = required(node, "name");
        Provider provider;
        try {
            provider = Provider.fromCli(required(node, "provider"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        List<String> hosts = new ArrayList<>();
        JsonNode h = node.get("hosts");
        if (h != null && !h.isNull()) {
            if (!h.isArray()) {
                throw new InvalidInputException("\"hosts\" must be a list of host names");
            }
            for (JsonNode host : h) {
                if (!host.isTextual()) {
                    throw new InvalidInputException("\"hosts\" must be a list of host names");
                }
                hosts.add(host.asText());
            }
        }
        ProfileColour colour = optional(node, "colour").map(ProfileColour::parse).orElse(null);
        return new Profile(name, provider, required(node, "baseUrl"), optional(node, "agent"), optional(node, "callerId"),
                hosts, colour);
    }

    private static String required(JsonNode node, String field) {
        return optional(node, field).orElseThrow(() -> new InvalidInputException("\"" + field + "\" is missing"));
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InvalidInputException("\"" + field + "\" must be text");
        }
        return Optional.of(v.asText());
    }

    /** {@code key}, {@code apiKey}, {@code api_key}, {@code token}, {@code secret}, {@code password}, {@code Authorization}, ... */
    static boolean looksLikeKey(String field) {
        String f = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return f.equals("key") || f.endsWith("key") || f.contains("token") || f.contains("secret") || f.contains("password")
                || f.contains("credential") || f.contains("authorization") || f.contains("bearer");
    }

    private static String keyRefusal(String field, String where) {
        return where + " has a field '" + field + "', which looks like it holds a key; keys never go in a "
                + "profile (they come from the environment or the keychain): remove the field and try again";
    }
}
