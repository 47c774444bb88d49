package com.schwabot.engine.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.schwabot.engine.http.Json;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest
{
    @Test
    void shouldWriteNestedValuesWithEscapedStringsThatParseBack()
    {
        final String text = new JsonWriter().beginObject()
            .field("s", "quote\" backslash\\ newline\n tab\t <script>")
            .field("n", -12)
            .field("d", 0.5)
            .field("nan", Double.NaN)
            .field("b", true)
            .field("nothing", (String)null)
            .name("list").beginArray().value(1).value("x").beginObject().endObject().endArray()
            .endObject().toString();

        final Map<String, Object> json = Json.object(text);

        assertThat(json).containsEntry("s", "quote\" backslash\\ newline\n tab\t <script>")
            .containsEntry("n", -12.0).containsEntry("d", 0.5).containsEntry("nan", null).containsEntry("b", true)
            .containsEntry("nothing", null).containsEntry("list", List.of(1.0, "x", Map.of()));
        assertThat(text).doesNotContain("<script>");
    }
}
