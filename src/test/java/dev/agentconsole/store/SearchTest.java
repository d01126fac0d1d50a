package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTest {

    private static final SessionKey KYOTO = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final SessionKey OSAKA = new SessionKey("agi", "0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    @TempDir
    Path dir;

    private static List<String> texts(List<SearchHit> hits) {
        return hits.stream().map(h -> h.snippet().text()).toList();
    }

    @Test
    void everyIndexedKindIsFoundAndOtherKindsAreNot() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(
                    new AgentEvent.Message(1, AT, "user", true, "find a ryokan in Kyoto", List.of()),
                    new AgentEvent.Thought(2, AT, "reasoning about ryokan prices", "I will compare two",
                            List.of("click {\"selector\":\"#ryokan-list\"}"), List.of()),
                    new AgentEvent.Action(3, AT, "navigate", "{\"url\":\"https://ryokan.example\"}"),
                    new AgentEvent.Question(4, AT, "Which ryokan do you prefer?"),
                    new AgentEvent.Answer(5, AT, "Booked the ryokan", false, Optional.of("success")),
                    new AgentEvent.Note(6, AT, "ryokan note is not indexed"),
                    new AgentEvent.Observation(7, AT, Optional.of("ryokan page"), Optional.empty())), 8).join();
            List<SearchHit> hits = store.search("ryokan", Optional.empty(), 50);
            assertEquals(List.of("Action", "Answer", "Message", "Question", "Thought"),
                    hits.stream().map(SearchHit::kind).sorted().toList(), "messages, thoughts, actions, questions, answers");
            assertEquals(1, store.search("compare", Optional.empty(), 50).size(), "a thought's content is indexed");
            assertEquals(1, store.search("selector", Optional.empty(), 50).size(), "a thought's actions are indexed");
        }
    }

    @Test
    void theCloserMatchRanksFirst() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(
                    new AgentEvent.Message(1, AT, "user", true, "The hotel list is long and mentions the budget once among "
                            + "many other words about rooms, breakfast, views, trains and temples nearby", List.of()),
                    new AgentEvent.Question(2, AT, "What is the budget? The budget decides it."),
                    new AgentEvent.Message(3, AT, "user", true, "nothing relevant here", List.of())), 4).join();
            List<SearchHit> hits = store.search("budget", Optional.empty(), 50);
            assertEquals(2, hits.size());
            assertEquals(2, hits.get(0).position(), "short and twice beats long and once (bm25)");
        }
    }

    @Test
    void theLastWordIsAPrefixUntilASpaceEndsIt() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Question(1, AT, "Which budget should I use?")), 2).join();
            assertEquals(1, store.search("budg", Optional.empty(), 10).size(), "still typing: a prefix");
            assertEquals(0, store.search("budg ", Optional.empty(), 10).size(), "a space ends the word");
            assertEquals(0, store.search("budg which", Optional.empty(), 10).size(), "only the last word is a prefix");
            assertEquals(1, store.search("which budg", Optional.empty(), 10).size());
            assertEquals(0, store.search("\"budg\"", Optional.empty(), 10).size(), "a quoted word is whole");
        }
    }

    @Test
    void caseAccentsAndFullWidthFormsAreFolded() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Message(1, AT, "user", true, "Meet at the CAFÉ Ｋｙｏｔｏ", List.of())), 2)
                    .join();
            assertEquals(1, store.search("cafe kyoto", Optional.empty(), 10).size());
            assertEquals(1, store.search("Café KYOTO", Optional.empty(), 10).size());
        }
    }

    @Test
    void japaneseIsFoundByAnyPartOfTwoOrMoreCharactersAndByOneCharacter() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(
                    new AgentEvent.Question(1, AT, "予算について質問があります。ホテルは京都駅の近くですか？"),
                    new AgentEvent.Message(2, AT, "user", true, "東京2024年度の計画", List.of())), 3).join();
            for (String q : List.of("予算", "について", "質問", "ホテル", "京都駅", "ﾎﾃﾙ", "す", "予", "東京", "2024年度")) {
                assertEquals(1, store.search(q, Optional.empty(), 10).size(), q);
            }
            assertEquals(0, store.search("予算質問", Optional.empty(), 10).size(), "not written together, not found");
            SearchHit hit = store.search("質問", Optional.empty(), 10).get(0);
            SearchHit.Mark mark = hit.snippet().marks().get(0);
            assertEquals("質問", hit.snippet().text().substring(mark.start(), mark.end()), "the snippet marks the words found");
        }
    }

    @Test
    void arabicIsFoundWithOrWithoutItsVowelMarks() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Question(1, AT, "ما هي الميزانية لهذا الكِتَابِ؟ أريد فندقاً")), 2).join();
            assertEquals(1, store.search("الميزانية", Optional.empty(), 10).size());
            assertEquals(1, store.search("الكتاب", Optional.empty(), 10).size(), "harakat are folded away");
            assertEquals(1, store.search("اريد", Optional.empty(), 10).size(), "a hamza seat is folded to its letter");
            assertEquals(0, store.search("مدينة", Optional.empty(), 10).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"", "\"\"\"", "AND", "OR NOT", "budget AND", "NEAR(budget hotel, 2)", "*", "budget*",
            "^budget", "body:budget", "{body tail}: budget", "(", ")", "-budget", "'", "'; DROP TABLE events; --",
            "\\", "a\"b", "budget\"", "\"unclosed phrase", "NOT", "+", ":", "🙂", "\u0000", "   ", "", "\uD800",
            "scope : s123", "rank MATCH", "%_", "budget OR hotel"})
    void nothingTheOperatorTypesRaisesAnError(String typed) {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Question(1, AT, "Which budget for the hotel?")), 2).join();
            assertDoesNotThrow(() -> store.search(typed, Optional.empty(), 10));
            assertDoesNotThrow(() -> store.search(typed, Optional.of(KYOTO), 10));
            assertDoesNotThrow(() -> store.find(KYOTO, typed));
        }
    }

    @Test
    void quotesMakeAPhraseAndOperatorWordsAreJustWords() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(
                    new AgentEvent.Question(1, AT, "Which budget for the hotel?"),
                    new AgentEvent.Message(2, AT, "user", true, "the hotel budget, and nothing or more", List.of())), 3).join();
            assertEquals(List.of(2L), store.search("\"hotel budget\"", Optional.empty(), 10).stream()
                    .map(SearchHit::position).toList(), "words in quotes must come in that order");
            assertEquals(List.of(2L), store.search("budget AND nothing", Optional.empty(), 10).stream()
                    .map(SearchHit::position).toList(), "AND is a word to find, like any other");
            assertEquals(List.of(2L), store.search("nothing OR", Optional.empty(), 10).stream()
                    .map(SearchHit::position).toList(), "OR too (here the start of 'or')");
        }
    }

    @Test
    void findInOneSessionGivesEveryMatchInOrderAndNoneOfAnotherSession() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Question(5, AT, "budget?"), new AgentEvent.Note(6, AT, "budget"),
                    new AgentEvent.Message(2, AT, "user", true, "my budget is 200", List.of())), 7).join();
            store.append(OSAKA, List.of(new AgentEvent.Question(1, AT, "budget in Osaka?")), 2).join();
            assertEquals(List.of(new SearchHit.Place(2, 0, "Message"), new SearchHit.Place(5, 0, "Question")),
                    store.find(KYOTO, "budget"));
            List<SearchHit> inOsaka = store.search("budget", Optional.of(OSAKA), 10);
            assertEquals(List.of(OSAKA), inOsaka.stream().map(SearchHit::session).toList());
            assertEquals(3, store.search("budget", Optional.empty(), 10).size(), "every session");
        }
    }

    @Test
    void hitsNameTheirSessionByItsFirstMessageAndCarryTheEventTime() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Message(0, AT, "user", true, "Find a hotel\nin Kyoto", List.of()),
                    new AgentEvent.Question(1, AT.plusSeconds(90), "Which temple is near?")), 2).join();
            SearchHit hit = store.search("temple", Optional.empty(), 10).get(0);
            assertEquals("Find a hotel in Kyoto", hit.sessionTitle());
            assertEquals(AT.plusSeconds(90), hit.at());
            assertEquals("Which [temple] is near?", hit.snippet().marked("[", "]"));
        }
    }

    @Test
    void aPageStoredTwiceIsIndexedOnce() {
        List<AgentEvent> page = List.of(new AgentEvent.Question(1, AT, "budget?"));
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, page, 2).join();
            store.append(KYOTO, page, 2).join();
            assertEquals(1, store.search("budget", Optional.empty(), 10).size());
        }
    }

    @Test
    void anIndexIsKeptWithTheFileAndStatusChangesAreNotIndexed() {
        try (Store store = Store.open(dir)) {
            store.append(KYOTO, List.of(new AgentEvent.Question(1, AT, "budget?"),
                    new AgentEvent.StatusChange(2, AT, AgentStatus.IDLE, "budget")), 3).join();
        }
        try (Store again = Store.open(dir)) {
            assertTrue(again.indexProgress().complete());
            assertEquals(List.of("Question"), again.search("budget", Optional.empty(), 10).stream().map(SearchHit::kind).toList());
        }
    }
}
