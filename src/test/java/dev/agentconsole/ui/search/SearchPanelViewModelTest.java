package dev.agentconsole.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SessionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SearchPanelViewModelTest {

    private static final SearchHit HIT = new SearchHit(new SessionKey("agi", "0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e"),
            "Find a hotel", 4, 0, "Question", Instant.parse("2026-11-23T07:00:00Z"),
            new SearchHit.Snippet("What budget?", List.of(new SearchHit.Mark(5, 11))));

    private static SearchPanelViewModel.Searcher searcher(List<SearchHit> hits, SearchHit.Progress progress) {
        return new SearchPanelViewModel.Searcher() {
            @Override
            public CompletableFuture<List<SearchHit>> search(String query) {
                return CompletableFuture.completedFuture(query.contains("budget") ? hits : List.of());
            }

            @Override
            public SearchHit.Progress progress() {
                return progress;
            }
        };
    }

    @Test
    void hitsComeWithACountAndOpeningOneHandsItToTheWindow() {
        List<SearchHit> opened = new ArrayList<>();
        SearchPanelViewModel vm = new SearchPanelViewModel(searcher(List.of(HIT), new SearchHit.Progress(0, 0)), Runnable::run,
                opened::add);
        vm.queryProperty().set("budget");
        assertEquals(List.of(HIT), vm.hits());
        assertEquals("1 hit", vm.statusProperty().get());
        vm.open(vm.hits().get(0));
        assertEquals(List.of(HIT), opened);
        vm.queryProperty().set("zeppelin");
        assertEquals("no match", vm.statusProperty().get());
        assertTrue(vm.hits().isEmpty());
    }

    @Test
    void whileOlderEventsAreIndexedTheStatusSaysHowFar() {
        SearchPanelViewModel vm = new SearchPanelViewModel(searcher(List.of(HIT), new SearchHit.Progress(450, 1000)),
                Runnable::run, hit -> { });
        vm.search();
        assertEquals("indexing stored events… 45%", vm.statusProperty().get());
        vm.queryProperty().set("budget");
        assertEquals("1 hit · indexing stored events… 45%", vm.statusProperty().get());
    }

    @Test
    void aFailedSearchSaysWhy() {
        SearchPanelViewModel vm = new SearchPanelViewModel(new SearchPanelViewModel.Searcher() {
            @Override
            public CompletableFuture<List<SearchHit>> search(String query) {
                return CompletableFuture.failedFuture(new IllegalStateException("the store could not be read"));
            }

            @Override
            public SearchHit.Progress progress() {
                return new SearchHit.Progress(0, 0);
            }
        }, Runnable::run, hit -> { });
        vm.queryProperty().set("budget");
        assertEquals("search failed: the store could not be read", vm.statusProperty().get());
    }
}
