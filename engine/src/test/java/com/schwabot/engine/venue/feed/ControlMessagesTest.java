package com.schwabot.engine.venue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.engine.venue.feed.ControlMessages.Kind;

class ControlMessagesTest
{
    @Test
    void shouldWriteTheBinanceSubscribeRequest()
    {
        assertThat(ControlMessages.subscribe(List.of("btcusdt@trade", "ethusdt@depth20"), 7))
            .isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"ethusdt@depth20\"],\"id\":7}");
        assertThat(ControlMessages.subscribe(List.of("btcusdt@bestBidAsk"), 1))
            .isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bestBidAsk\"],\"id\":1}");
    }

    @Test
    void shouldRecogniseOurSubscriptionResult()
    {
        assertThat(ControlMessages.classify("{\"result\":null,\"id\":3}", 3)).isEqualTo(Kind.SUBSCRIBED);
        assertThat(ControlMessages.classify("{\n  \"result\" : null,\n  \"id\" : 3\n}", 3)).isEqualTo(Kind.SUBSCRIBED);
        assertThat(ControlMessages.classify("{\"id\":3,\"result\":null}", 3)).isEqualTo(Kind.SUBSCRIBED);
    }

    @Test
    void shouldNotTakeOtherResultsForOurSubscription()
    {
        assertThat(ControlMessages.classify("{\"result\":null,\"id\":4}", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("{\"result\":null,\"id\":33}", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("{\"result\":[\"btcusdt@trade\"],\"id\":3}", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("{\"result\":true,\"id\":3}", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("{\"result\":null}", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("not json", 3)).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlMessages.classify("", 3)).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void shouldRecogniseErrorResponsesWithAndWithoutId()
    {
        final String withId =
            "{\"code\": 2, \"msg\": \"Invalid request: request ID must be an unsigned integer\",\"id\":5}";
        assertThat(ControlMessages.classify(withId, 5)).isEqualTo(Kind.ERROR);
        assertThat(ControlMessages.id(withId)).isEqualTo(5);
        final String withoutId = "{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}";
        assertThat(ControlMessages.classify(withoutId, 5)).isEqualTo(Kind.ERROR);
        assertThat(ControlMessages.id(withoutId)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldRecogniseTheServerShutdownEventInEveryWrapping()
    {
        assertThat(ControlMessages.classify("{\"e\":\"serverShutdown\",\"E\":1770123456789}", 1))
            .isEqualTo(Kind.SERVER_SHUTDOWN);
        assertThat(ControlMessages.classify(
            "{\"stream\":\"!serverShutdown\",\"data\":{\"e\": \"serverShutdown\",\"E\":1770123456789}}", 1))
            .isEqualTo(Kind.SERVER_SHUTDOWN);
        assertThat(ControlMessages.classify("{\"event\":{\"e\":\"serverShutdown\",\"E\":1}}", 1))
            .isEqualTo(Kind.SERVER_SHUTDOWN);
        assertThat(ControlMessages.classify("{\"e\":\"trade\",\"s\":\"serverShutdown\"}", 1)).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void shouldShortenLongTextForLogs()
    {
        assertThat(ControlMessages.excerpt("short")).isEqualTo("short");
        assertThat(ControlMessages.excerpt("x".repeat(1_000))).hasSize(203).endsWith("...");
    }
}
