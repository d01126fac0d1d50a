package dev.agentconsole.ui.compose;

import dev.agentconsole.agent.MessageRules;
import dev.agentconsole.agent.MessageValidator;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.ui.attach.AttachmentsViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the operator is writing: the message, the start URL (AGI), the caller id (H), and the
 * queue of lines to send as one batch. Validation is live and specific; nothing typed is cleared
 * until it was handed over for sending.
 */
public final class ComposerViewModel {

    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty startUrl = new SimpleStringProperty("");
    private final StringProperty callerId = new SimpleStringProperty("");
    private final ObjectProperty<MessageRules> rules = new SimpleObjectProperty<>();
    private final ObjectProperty<String> providerName = new SimpleObjectProperty<>("H");
    private final ObservableList<String> queue = FXCollections.observableArrayList();
    private final ObservableList<String> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper startUrlAccepted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper callerIdAccepted = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper hasText = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasQueue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper quoted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper queueTitle = new ReadOnlyStringWrapper("");

    private final AttachmentsViewModel attachments;

    /** With everything on the calling thread (tests). */
    public ComposerViewModel() {
        this(Runnable::run, Runnable::run);
    }

    /** @param ui the UI thread's executor; {@code io} reads and fits attached images */
    public ComposerViewModel(Executor ui, Executor io) {
        attachments = new AttachmentsViewModel(ui, io);
        text.addListener((o, a, b) -> revalidate());
        startUrl.addListener((o, a, b) -> revalidate());
        callerId.addListener((o, a, b) -> revalidate());
        rules.addListener((o, a, b) -> revalidate());
        hasQueue.bind(Bindings.isNotEmpty(queue));
        queueTitle.bind(Bindings.createStringBinding(() -> "Queue · " + queue.size() + (queue.size() == 1 ? " line" : " lines")
                + ", double-click to edit", queue));
        revalidate();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The images attached to the message. */
    public AttachmentsViewModel attachments() {
        return attachments;
    }

    public StringProperty startUrlProperty() {
        return startUrl;
    }

    public StringProperty callerIdProperty() {
        return callerId;
    }

    public ObservableList<String> queue() {
        return queueView;
    }

    /** The problem with what is typed now, empty when it can be sent. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "42 / 10,000" against a character limit, or "42 characters". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startUrlAcceptedProperty() {
        return startUrlAccepted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty callerIdAcceptedProperty() {
        return callerIdAccepted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasTextProperty() {
        return hasText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasQueueProperty() {
        return hasQueue.getReadOnlyProperty();
    }

    /** The queue's heading: how many lines ("1 line", "3 lines"). */
    public ReadOnlyStringProperty queueTitleProperty() {
        return queueTitle.getReadOnlyProperty();
    }

    /** The question the operator is replying to, shown above the input; empty when none. */
    public ReadOnlyStringProperty quotedProperty() {
        return quoted.getReadOnlyProperty();
    }

    /** The connected provider's rules; null while not connected. */
    public void setRules(MessageRules value, String provider) {
        providerName.set(provider);
        rules.set(value);
        attachments.setLimits(value == null || value.acceptsImages(), imageBudget(value));
    }

    /** The window's and the CLI's one budget ({@link MessageRules#imageBudgetBytes}). */
    static long imageBudget(MessageRules r) {
        return r == null ? MessageRules.DEFAULT_IMAGE_BUDGET : r.imageBudgetBytes();
    }

    /** Reply to a question: it is quoted above the input (the text typed so far stays). */
    public void replyTo(String question) {
        quoted.set(question);
    }

    public void clearQuote() {
        quoted.set("");
    }

    private void revalidate() {
        MessageRules r = rules.get();
        String t = text.get() == null ? "" : text.get();
        hasText.set(!t.isBlank());
        startUrlAccepted.set(r != null && r.acceptsStartUrl());
        callerIdAccepted.set(r == null || r.acceptsCallerId());
        int codePoints = t.codePointCount(0, t.length());
        if (r != null && r.maxTextCodePoints() > 0) {
            count.set(String.format(Locale.ROOT, "%,d / %,d", codePoints, r.maxTextCodePoints()));
        } else {
            count.set(String.format(Locale.ROOT, "%,d %s", codePoints, codePoints == 1 ? "character" : "characters"));
        }
        if (r == null || t.isEmpty()) {
            problem.set("");
            return;
        }
        problem.set(validator(r).problemWith(message(t)).orElse(""));
    }

    private MessageValidator validator(MessageRules r) {
        return new MessageValidator(r, providerName.get());
    }

    private OutgoingMessage message(String t) {
        OutgoingMessage m = OutgoingMessage.text(t);
        MessageRules r = rules.get();
        String url = startUrl.get() == null ? "" : startUrl.get().strip();
        if (r != null && r.acceptsStartUrl() && !url.isEmpty()) {
            m = m.withStartUrl(url);
        }
        String caller = callerId.get() == null ? "" : callerId.get().strip();
        if (r != null && r.acceptsCallerId() && !caller.isEmpty()) {
            m = m.withCallerId(caller);
        }
        return m;
    }

    /**
     * The typed message, ready to send, or empty (with {@link #problemProperty()} saying why).
     * Does not clear anything: call {@link #sent()} once it was handed over.
     */
    public Optional<Outgoing> message() {
        MessageRules r = rules.get();
        String t = text.get() == null ? "" : text.get();
        if (r == null) {
            problem.set("not connected: connect to a session first");
            return Optional.empty();
        }
        OutgoingMessage m = message(t);
        if (!attachments.isEmpty()) {
            Optional<String> notFitting = attachments.fitProblem();
            if (notFitting.isPresent()) {
                problem.set(notFitting.get());
                return Optional.empty();
            }
            Optional<List<String>> images = attachments.dataUris();
            if (images.isEmpty()) {
                problem.set("the images are still being prepared: send again in a moment");
                return Optional.empty();
            }
            m = m.withImages(images.get());
        }
        Optional<String> p = validator(r).problemWith(m);
        if (p.isPresent()) {
            problem.set(p.get());
            return Optional.empty();
        }
        return Optional.of(new Outgoing.Single(m));
    }

    /** The message was handed to the outbox: the input (and its images) are cleared for the next one. */
    public void sent() {
        text.set("");
        quoted.set("");
        attachments.clear();
    }

    // ---- the queue ------------------------------------------------------------------------------

    /** Adds the typed text as a queued line; a blank one is refused with a reason. */
    public boolean addToQueue() {
        String t = text.get() == null ? "" : text.get();
        MessageRules r = rules.get();
        Optional<String> p = r == null ? (t.isBlank() ? Optional.of("the line is empty") : Optional.empty())
                : validator(r).textProblem(t);
        if (p.isPresent()) {
            problem.set(p.get());
            return false;
        }
        queue.add(t);
        text.set("");
        return true;
    }

    public void editQueued(int index, String value) {
        if (index >= 0 && index < queue.size() && value != null && !value.isBlank()) {
            queue.set(index, value);
        }
    }

    public void removeQueued(int index) {
        if (index >= 0 && index < queue.size()) {
            queue.remove(index);
        }
    }

    /** Moves a queued line up (-1) or down (+1). */
    public void moveQueued(int index, int delta) {
        int to = index + delta;
        if (index >= 0 && index < queue.size() && to >= 0 && to < queue.size()) {
            String line = queue.remove(index);
            queue.add(to, line);
        }
    }

    /** The queue as one batch, or empty with the problem set. Does not clear: call {@link #queueSent()}. */
    public Optional<Outgoing> batch() {
        MessageRules r = rules.get();
        if (r == null) {
            problem.set("not connected: connect to a session first");
            return Optional.empty();
        }
        List<OutgoingMessage> lines = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            lines.add(i == 0 ? message(queue.get(i)) : withCaller(OutgoingMessage.text(queue.get(i))));
        }
        Outgoing batch = new Outgoing.Batch(lines);
        Optional<String> p = validator(r).problemWith(batch);
        if (p.isPresent()) {
            problem.set(p.get());
            return Optional.empty();
        }
        return Optional.of(batch);
    }

    private OutgoingMessage withCaller(OutgoingMessage m) {
        MessageRules r = rules.get();
        String caller = callerId.get() == null ? "" : callerId.get().strip();
        return r != null && r.acceptsCallerId() && !caller.isEmpty() ? m.withCallerId(caller) : m;
    }

    /** Puts a refused message back, unless the operator has started typing something else. */
    public void restoreText(String value) {
        if (text.get() == null || text.get().isEmpty()) {
            text.set(value);
        }
    }

    /**
     * A message that did not go puts its words back, whatever was typed meanwhile: into the message
     * when it is empty (a single one), else at the end of the queue; its images into the strip.
     */
    public void putBack(Outgoing outgoing) {
        List<String> lines = outgoing.messages().stream().map(OutgoingMessage::text).toList();
        if (outgoing instanceof Outgoing.Single && (text.get() == null || text.get().isBlank())) {
            text.set(lines.get(0));
        } else {
            queue.addAll(lines);
        }
        attachments.addDataUris(outgoing.messages().stream().flatMap(m -> m.images().stream()).toList());
    }

    /** Replaces the queue (a session's saved draft coming back). */
    public void setQueue(List<String> lines) {
        queue.setAll(lines);
    }

    /** Puts refused batch lines back, unless a new queue has been started. */
    public void restoreQueue(List<String> lines) {
        if (queue.isEmpty()) {
            queue.setAll(lines);
        }
    }

    public void queueSent() {
        queue.clear();
        revalidate();
    }
}
