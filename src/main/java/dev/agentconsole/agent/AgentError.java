package dev.agentconsole.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every way a call to an agent API can fail, closed so a UI can switch over it and offer the
 * right way on (fix the input, set a token, wait, resend or drop).
 * {@link #summary()} is the operator-facing sentence; it never contains a token.
 */
public sealed interface AgentError {

    String summary();

    /** 404: no such session, or this token may not see it. */
    record NotFound(String serverMessage) implements AgentError {
        public String summary() {
            return "session not found (or no access with this token)" + suffix(serverMessage);
        }
    }

    /** 400 / 422 (and other refusals of the request itself): the server's words are kept. */
    record Invalid(int status, String serverMessage, List<String> details) implements AgentError {
        public Invalid {
            details = List.copyOf(details);
        }

        public String summary() {
            String words = details.isEmpty() ? serverMessage : String.join("; ", details);
            return "the server refused the request as invalid (HTTP " + status + ")" + suffix(words);
        }
    }

    /** 401: the token is missing, wrong or expired. */
    record Unauthorized(String serverMessage) implements AgentError {
        public String summary() {
            return "unauthorized: the API key was refused (HTTP 401)" + suffix(serverMessage);
        }
    }

    /** 403: the token is valid but may not do this. */
    record Forbidden(String serverMessage) implements AgentError {
        public String summary() {
            return "forbidden: this API key may not do that (HTTP 403)" + suffix(serverMessage);
        }
    }

    /** 402: the token budget is used up until {@code windowEnd}. */
    record BudgetExhausted(Optional<Long> limit, Optional<Long> used, Optional<String> windowEnd,
                           String serverMessage) implements AgentError {
        public String summary() {
            StringBuilder s = new StringBuilder("budget exhausted (HTTP 402)");
            if (used.isPresent() && limit.isPresent()) {
                s.append(": used ").append(used.get()).append(" of ").append(limit.get());
            }
            windowEnd.ifPresent(end -> s.append(", resets at ").append(end));
            return s + suffix(serverMessage);
        }
    }

    /** 409: a conflicting or identical request is in flight. */
    record Conflict(String serverMessage) implements AgentError {
        public String summary() {
            return "conflict (HTTP 409)" + suffix(serverMessage);
        }
    }

    /** 429: too many concurrent sessions or queued requests; retry after the given delay. */
    record RateLimited(Optional<Duration> retryAfter, String serverMessage) implements AgentError {
        public String summary() {
            return "rate limited (HTTP 429): the server is busy, try again later"
                    + retryAfter.map(d -> " (it asks for " + d.toSeconds() + " s)").orElse("")
                    + suffix(serverMessage);
        }
    }

    /** 408 / 5xx: the server could not handle it now. */
    record Unavailable(int status, Optional<Duration> retryAfter, String serverMessage)
            implements AgentError {
        public String summary() {
            return "server unavailable (HTTP " + status + ")"
                    + retryAfter.map(d -> ", retry after " + d.toSeconds() + " s").orElse("")
                    + suffix(serverMessage);
        }
    }

    /** The request never reached the server whole: could not connect, or broke while writing. */
    record Network(String cause) implements AgentError {
        public String summary() {
            return "network: could not reach the server" + suffix(cause);
        }
    }

    /**
     * A request that is safe to repeat (a read, say) got no whole answer in {@code attempts} tries:
     * the connection broke, or the answer came cut short. Nothing "may have arrived" that matters.
     */
    record NoAnswer(int attempts, String cause) implements AgentError {
        public String summary() {
            return "the server did not answer whole in " + attempts + (attempts == 1 ? " try" : " tries")
                    + " (the last: " + cause + ")";
        }
    }

    /**
     * The request was fully written, then the connection failed or timed out: it may have
     * arrived. Never retried automatically; resending is the operator's call.
     */
    record Uncertain(String cause) implements AgentError {
        public String summary() {
            return "uncertain: the request was sent but no answer came back, it may have arrived"
                    + suffix(cause);
        }
    }

    /**
     * A batch sent line by line (AGI) stopped at a failure: the first {@code accepted} lines
     * arrived, line {@code accepted + 1} failed with {@code cause}, the rest were not sent.
     */
    record BatchStopped(int accepted, int total, AgentError cause) implements AgentError {
        public String summary() {
            int failed = accepted + 1;
            String rest = failed < total ? "; lines " + (failed + 1) + "-" + total + " were not sent" : "";
            if (failed + 1 == total) {
                rest = "; line " + total + " was not sent";
            }
            return (accepted == 0 ? "no line was accepted" : accepted == 1 ? "line 1 was accepted" : "lines 1-" + accepted + " were accepted")
                    + "; line " + failed + " of " + total + " failed: " + cause.summary() + rest;
        }
    }

    /**
     * The server answered 2xx and said it did not do it (AGI's {@code {"success": false}}): the request
     * arrived and was turned down, so it is not resent by itself.
     */
    record Refused(String serverMessage) implements AgentError {
        public String summary() {
            return "the server did not take it" + suffix(serverMessage);
        }
    }

    /** The server answered with something this client cannot read (a protocol fault). */
    record Unexpected(int status, String serverMessage) implements AgentError {
        public String summary() {
            return "unexpected answer from the server (HTTP " + status + ")" + suffix(serverMessage);
        }
    }

    /**
     * The console refused to let the API key reach {@code host}: it is outside the hosts this profile's
     * key may go to (a base URL, or a redirect, pointing elsewhere), or plain http off this machine.
     * Nothing was written to that host; the summary names it and the allowed ones.
     */
    record KeyWithheld(String host, String reason) implements AgentError {
        public String summary() {
            return "the API key was not sent to " + host + suffix(reason);
        }
    }

    /** A cause read back from the store after a restart: the words the operator saw then. */
    record Stored(String summary) implements AgentError {}

    private static String suffix(String words) {
        return words == null || words.isBlank() ? "" : ": " + words;
    }
}
