package dev.agentconsole.agent.hcompany;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * H Agent Platform v2 wire types, as the OpenAPI spec names them. Requests leave out absent
 * fields; responses ignore unknown fields, and enum-like fields stay strings so an unknown value
 * is shown, never thrown.
 */
final class HWire {

    private HWire() {}

    /** {@code UserMessageEvent}. */
    record UserMessage(String type, String message, List<String> images,
                       @JsonProperty("caller_id") String callerId) {
        static final String TYPE = "user_message";
    }

    /** {@code UserMessageBatch}. */
    record Batch(String type, List<UserMessage> messages) {
        static final String TYPE = "batch";
    }

    /** The subset of {@code SessionRequest} the console sets. */
    record CreateSession(String agent, List<UserMessage> messages,
                         @JsonProperty("idle_timeout_s") Long idleTimeoutS) {}

    /** {@code SessionStatus}. */
    record Status(String status, String error, @JsonProperty("error_code") String errorCode,
                  String outcome, Integer steps,
                  @JsonProperty("usage_per_model") List<ModelUsage> usagePerModel,
                  @JsonProperty("subagent_session_ids") List<String> subagentSessionIds) {}

    /** {@code ModelUsage}. */
    record ModelUsage(String name, @JsonProperty("input_tokens") Long inputTokens,
                      @JsonProperty("output_tokens") Long outputTokens,
                      @JsonProperty("reasoning_tokens") Long reasoningTokens) {}

    /** {@code ModelCost}: a model's tokens and what they cost (null when the model is unpriced). */
    record ModelCost(String name, @JsonProperty("input_tokens") Long inputTokens,
                     @JsonProperty("output_tokens") Long outputTokens,
                     @JsonProperty("reasoning_tokens") Long reasoningTokens,
                     @JsonProperty("input_cost") BigDecimal inputCost, @JsonProperty("output_cost") BigDecimal outputCost,
                     @JsonProperty("reasoning_cost") BigDecimal reasoningCost,
                     @JsonProperty("total_cost") BigDecimal totalCost) {}

    /** {@code Metrics}. */
    record Metrics(Integer steps, @JsonProperty("cost_per_model") List<ModelCost> costPerModel,
                   @JsonProperty("input_cost") BigDecimal inputCost, @JsonProperty("output_cost") BigDecimal outputCost,
                   @JsonProperty("reasoning_cost") BigDecimal reasoningCost,
                   @JsonProperty("total_cost") BigDecimal totalCost) {}

    /** {@code SessionChanges}. */
    record Changes(String status, String error, @JsonProperty("error_code") String errorCode,
                   @JsonProperty("new_events") List<JsonNode> newEvents, JsonNode answer,
                   String outcome, Metrics metrics) {}

    /** {@code Session}. */
    record Session(String id, JsonNode request, Status status,
                   @JsonProperty("agent_view_url") String agentViewUrl,
                   @JsonProperty("latest_answer") JsonNode latestAnswer,
                   @JsonProperty("created_at") String createdAt, @JsonProperty("started_at") String startedAt,
                   @JsonProperty("finished_at") String finishedAt) {}

    /** {@code SessionSummary}. */
    record Summary(String id, String agent, String status,
                   @JsonProperty("first_message") JsonNode firstMessage,
                   @JsonProperty("created_at") String createdAt, @JsonProperty("started_at") String startedAt,
                   @JsonProperty("finished_at") String finishedAt,
                   @JsonProperty("last_activity_at") String lastActivityAt) {}

    /** {@code Page[SessionSummary]}. */
    record SummaryPage(List<Summary> items, Integer total, Integer page) {}

    /** {@code QuotaStatus}: concurrent sessions. */
    record SessionQuota(String scope, Long limit, Long active, Long available) {}

    /** {@code TokenQuotaStatus}: null limit, used and remaining mean no budget is set. */
    record TokenQuota(Long limit, Long used, Long remaining, @JsonProperty("window_start") String windowStart,
                      @JsonProperty("window_end") String windowEnd) {}
}
