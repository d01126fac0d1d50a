package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The scripted agent both emulated APIs share: it books a hotel in Kyoto, asks the operator which
 * of two it should take, and branches on what the operator actually wrote. It only decides what
 * happens next ({@link Beat}s, one per clock tick); each API's session renders a beat in its own
 * wire format. Not thread-safe: the owning session synchronizes.
 */
final class DemoAgent {

    /** One step of the script. */
    sealed interface Beat {
        /** The agent process starts and a live view becomes available. */
        record Start() implements Beat {}

        /** Reasoning, and optionally the action decided in the same step. */
        record Think(String reasoning, String summary, Optional<Action> action) implements Beat {}

        /** What the agent saw: text and a screenshot of the page. */
        record Observe(String text, DemoPicture picture) implements Beat {}

        /** The agent asks the operator and waits for a reply. */
        record Ask(String question) implements Beat {}

        /** The agent answers: text or a JSON object, and its self-assessed outcome. */
        record Finish(JsonNode answer, String outcome) implements Beat {}
    }

    record Action(String tool, String argName, String argValue) {}

    private enum Stage { WORKING, CHOOSING, BOOKED }

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Deque<Beat> plan = new ArrayDeque<>();
    private Stage stage = Stage.WORKING;
    private String task;
    /** The booking made, as the answer to a follow-up states it. */
    private String booked = "";

    boolean hasTask() {
        return task != null;
    }

    Optional<Beat> next() {
        Optional<Beat> beat = Optional.ofNullable(plan.poll());
        beat.ifPresent(b -> {
            if (b instanceof Beat.Ask) {
                stage = Stage.CHOOSING;
            } else if (b instanceof Beat.Finish f && "success".equals(f.outcome()) && f.answer().isObject()) {
                stage = Stage.BOOKED;
            }
        });
        return beat;
    }

    boolean idle() {
        return plan.isEmpty();
    }

    void clear() {
        plan.clear();
    }

    /** A new task: start, search, look, compare, ask. */
    void task(String text) {
        task = text;
        stage = Stage.WORKING;
        plan.clear();
        plan.add(new Beat.Start());
        plan.add(think("The task: " + quoted(text) + " I'll search a booking site for hotels in Kyoto near "
                + "Kiyomizu-dera for June 15-20, under $200 a night.", "Opening the booking site",
                new Action("navigate", "url", "https://booking.example/search?city=Kyoto")));
        plan.add(new Beat.Observe("Search results: 14 hotels in Higashiyama, Kyoto",
                DemoPicture.SEARCH_RESULTS));
        plan.add(think("Two hotels fit the budget: Hotel Gion ($185, 5 minutes' walk from the temple) and Sakura Inn "
                + "($140, 25 minutes away). The third is over budget.", "Comparing the two candidates",
                new Action("scroll", "direction", "down")));
        plan.add(new Beat.Ask("I found two hotels under $200: Hotel Gion ($185/night, 5 minutes' walk from "
                + "Kiyomizu-dera) and Sakura Inn ($140/night, 25 minutes away). Which one should I book: "
                + "the closer one or the cheaper one?"));
    }

    /** The operator wrote something: it is applied from the next step on. */
    void reply(String text, int images) {
        plan.clear();
        String t = text.toLowerCase(Locale.ROOT);
        if (images > 0) {
            plan.add(think("The operator attached " + images + (images == 1 ? " screenshot" : " screenshots")
                    + "; I'll take it into account.", null, null));
        }
        boolean stop = t.matches("(?s).*\\b(stop|cancel|neither|none|nothing|never ?mind)\\b.*");
        boolean cheap = t.matches("(?s).*(cheap|sakura|140|budget|less expensive|second).*");
        boolean close = t.matches("(?s).*(clos|near|gion|185|walk|temple|first).*");
        if (stage == Stage.BOOKED) {
            plan.add(think("Follow-up from the operator: " + quoted(text), "Checking the booking page",
                    new Action("navigate", "url", "https://booking.example/my-bookings")));
            plan.add(new Beat.Finish(nodes.textNode("Your booking stands: " + booked + ". This demo cannot change a "
                    + "booking, so nothing was changed. Anything else?"), "success"));
        } else if (stop) {
            plan.add(think("The operator wrote \u201c" + shorten(text) + "\u201d: I will not book anything.", null, null));
            plan.add(new Beat.Finish(nodes.textNode("Understood: I have not booked either hotel."), "blocked"));
        } else if (cheap && close) {
            plan.add(think("The reply \u201c" + shorten(text) + "\u201d mentions both hotels; I need one.", null, null));
            plan.add(new Beat.Ask("You mentioned both. Please pick one: Hotel Gion (closer, $185/night) or "
                    + "Sakura Inn (cheaper, $140/night)?"));
        } else if (cheap || close) {
            String hotel = cheap ? "Sakura Inn" : "Hotel Gion";
            int price = cheap ? 140 : 185;
            plan.add(think("The operator chose the " + (cheap ? "cheaper" : "closer") + " option (\u201c" + shorten(text)
                    + "\u201d): booking " + hotel + ".", "Opening " + hotel,
                    new Action("click", "selector", "#hotel-" + (cheap ? "sakura-inn" : "hotel-gion"))));
            plan.add(new Beat.Observe(hotel + ": room selection",
                    cheap ? DemoPicture.SAKURA_INN_ROOMS : DemoPicture.HOTEL_GION_ROOMS));
            plan.add(think("Filling in the dates June 15-20 and confirming the standard room.", "Confirming the booking",
                    new Action("click", "selector", "#confirm")));
            ObjectNode booking = nodes.objectNode();
            booking.put("hotel", hotel);
            booking.put("price_per_night_usd", price);
            booking.put("check_in", "2026-06-15");
            booking.put("check_out", "2026-06-20");
            booking.put("total_usd", price * 5);
            booking.put("confirmation", cheap ? "SK-4821" : "HG-1937");
            plan.add(new Beat.Finish(booking, "success"));
            booked = String.format(Locale.ROOT, "%s, June 15-20, 5 nights at $%d (total $%d), confirmation %s", hotel, price,
                    price * 5, booking.path("confirmation").asText());
        } else {
            plan.add(think("The operator wrote \u201c" + shorten(text) + "\u201d, which does not pick one of the two hotels.",
                    null, null));
            plan.add(new Beat.Ask("Sorry, I need a choice before I book: Hotel Gion (closer, $185/night) or "
                    + "Sakura Inn (cheaper, $140/night)?"));
        }
    }

    /** Answer now with what the agent has. */
    Beat.Finish forceAnswer() {
        plan.clear();
        String best = stage == Stage.BOOKED ? "The booking is done (see my previous answer)."
                : "Best option so far: Sakura Inn at $140/night, 25 minutes from Kiyomizu-dera. Nothing is booked yet.";
        return new Beat.Finish(nodes.textNode(best), "partial");
    }

    private static Beat.Think think(String reasoning, String summary, Action action) {
        return new Beat.Think(reasoning, summary, Optional.ofNullable(action));
    }

    /** The task in quotes, as a sentence: a task that ends its own sentence gets no second full stop. */
    static String quoted(String task) {
        String s = shorten(task);
        boolean ended = s.endsWith(".") || s.endsWith("!") || s.endsWith("?");
        return "\u201c" + s + "\u201d" + (ended ? "" : ".");
    }

    static String shorten(String s) {
        // lines of a batch keep a mark between them: joined by spaces they read as one run-on sentence
        String oneLine = s.strip().replaceAll("\\s*\\R\\s*", " / ");
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }
}
