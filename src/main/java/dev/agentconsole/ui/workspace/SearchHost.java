package dev.agentconsole.ui.workspace;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.chat.TranscriptView;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import dev.agentconsole.ui.search.SearchUi;
import dev.agentconsole.ui.session.SessionView;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;

/** Search and export, as the workspace lets them work: on the session in front. */
final class SearchHost implements SearchUi.Host {

    private final WorkspaceViewModel vm;
    private final WorkspaceView view;

    SearchHost(WorkspaceViewModel vm, WorkspaceView view) {
        this.vm = vm;
        this.view = view;
    }

    @Override
    public Optional<SessionKey> bound() {
        return view.frontKey();
    }

    @Override
    public Optional<TranscriptViewModel> transcript() {
        return Optional.ofNullable(vm.front()).map(SessionViewModel::transcript);
    }

    @Override
    public Optional<TranscriptView> transcriptView() {
        return view.frontView().map(SessionView::transcript);
    }

    @Override
    public ObservableValue<?> frontChanges() {
        return vm.frontProperty();
    }

    @Override
    public byte[] fetchImage(String url) {
        SessionViewModel s = vm.front();
        if (s == null) {
            throw new IllegalStateException("no session is open to fetch it with");
        }
        return s.fetchImage(url);
    }

    @Override
    public Store store() {
        return vm.store();
    }

    @Override
    public void open(Provider provider, SessionKey key) {
        vm.open(provider, Optional.empty(), Optional.of(SessionId.parse(key.sessionId())));
    }

    @Override
    public Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
