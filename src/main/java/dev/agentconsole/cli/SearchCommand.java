package dev.agentconsole.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SearchQuery;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches the stored messages, thoughts, actions, questions and answers of every session "
                + "(or of one), best matches first, each with its session and a snippet.",
                "Every word must occur; the last may be the start of a word; \"quotes\" keep words together.",
                "Exit codes: 0 (also when nothing matches), 2 bad input."})
final class SearchCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    RootCommand parent;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The words to find.")
    List<String> words;

    @Option(names = "--session", paramLabel = "ID", description = "Only this stored session.")
    String session;

    @Option(names = "--json", description = "One JSON object per hit and line, for scripts.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "At most N hits (default 20).")
    int limit = 20;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data folder to read (default: the window's).")
    Path dataDir;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        String query = String.join(" ", words);
        if (SearchQuery.parse(query).isEmpty()) {
            throw new InvalidInputException("nothing to search for in '" + query + "': give a word");
        }
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("--limit must be from 1 to 10000, got " + limit);
        }
        Path folder = StoredSessions.folder(dataDir, parent);
        try (Store store = Store.open(folder)) {
            Optional<SessionKey> only = Optional.ofNullable(session).map(id -> StoredSessions.find(store, id, folder));
            StoredSessions.awaitIndex(store, ctx.err());
            List<SearchHit> hits = store.search(query, only, limit);
            ObjectMapper mapper = new ObjectMapper();
            for (SearchHit hit : hits) {
                if (json) {
                    ctx.out().println(asJson(mapper, hit));
                } else {
                    ctx.out().println(TIME.format(hit.at()) + "  " + StoredSessions.label(hit.session())
                            + (hit.sessionTitle().isEmpty() ? "" : "  " + hit.sessionTitle()));
                    ctx.out().println("    " + hit.kind().toLowerCase(java.util.Locale.ROOT) + " #" + hit.position() + ": "
                            + hit.snippet().marked("[", "]"));
                }
            }
            if (hits.isEmpty()) {
                ctx.err().println("no match for " + query);
            }
            ctx.out().flush();
            ctx.err().flush();
            return ExitCodes.OK;
        }
    }

    private static String asJson(ObjectMapper mapper, SearchHit hit) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("provider", hit.session().provider());
        line.put("session", hit.session().sessionId());
        line.put("sessionTitle", hit.sessionTitle());
        line.put("position", hit.position());
        line.put("ordinal", hit.ordinal());
        line.put("kind", hit.kind());
        line.put("at", hit.at().toString());
        line.put("snippet", hit.snippet().text());
        line.put("marks", hit.snippet().marks().stream().map(m -> List.of(m.start(), m.end())).toList());
        try {
            return mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
