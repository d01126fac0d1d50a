package dev.agentconsole.bench;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A reproducible session of agent events for the search and export benchmarks: the mix of a real
 * run (thoughts with actions, observations, status lines, questions, answers, messages, notes),
 * with 40 to 80 words each drawn from a vocabulary of 6,000 (a few common words, many rare ones),
 * so an index has real posting lists and a query real work. Every 50th question is in Japanese.
 */
final class SearchCorpus {

    static final String[] COMMON = {"the", "hotel", "budget", "room", "price", "page", "click", "search", "result",
            "booking", "date", "night", "guest", "review", "option", "select", "confirm", "cheaper", "temple", "station"};
    private static final String[] JAPANESE = {"予算について質問があります", "京都駅の近くのホテルを探しています",
            "朝食付きのプランはありますか", "キャンセル料金を確認してください"};

    private final Random random;
    private final String[] vocabulary;

    SearchCorpus(long seed) {
        random = new Random(seed);
        vocabulary = new String[6000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = i < COMMON.length ? COMMON[i] : word();
        }
    }

    private String word() {
        String letters = "abcdefghijklmnoprstuvwy";
        int length = 3 + random.nextInt(8);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    /** A rare word of the vocabulary (for queries that find a few events). */
    String rareWord(int i) {
        return vocabulary[COMMON.length + 1000 + i];
    }

    private String sentence(int minWords, int maxWords) {
        int n = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Zipf-like: common words often, the long tail rarely
            int index = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(random.nextDouble(), 3) * vocabulary.length));
            b.append(i == 0 ? "" : " ").append(vocabulary[index]);
        }
        return b.append('.').toString();
    }

    AgentEvent event(int i, Instant at) {
        return switch (i % 8) {
            case 0, 4 -> new AgentEvent.Thought(i, at, sentence(30, 60), sentence(5, 12),
                    List.of("click {\"selector\":\"#item-" + i + "\"}"), List.of());
            case 1 -> new AgentEvent.Observation(i, at, Optional.of(sentence(20, 40)), Optional.empty());
            case 2 -> new AgentEvent.StatusChange(i, at, AgentStatus.RUNNING, "running");
            case 3 -> new AgentEvent.Question(i, at, i % 400 == 3 ? JAPANESE[(i / 400) % JAPANESE.length] : sentence(10, 25));
            case 5 -> new AgentEvent.Answer(i, at, sentence(20, 50), false, Optional.of("success"));
            case 6 -> new AgentEvent.Message(i, at, "user", true, sentence(8, 20), List.of());
            default -> new AgentEvent.Note(i, at, "navigated to https://booking.example/page/" + i);
        };
    }

    List<AgentEvent> events(int count, Instant start) {
        List<AgentEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(i, start.plusMillis(i * 1500L)));
        }
        return events;
    }
}
