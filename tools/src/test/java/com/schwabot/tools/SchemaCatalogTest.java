package com.schwabot.tools;

import org.junit.jupiter.api.Test;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.TradeDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCatalogTest
{
    private final SchemaCatalog catalog = SchemaCatalog.load();

    @Test
    void shouldNameTheTemplatesOfBothSchemasAsTheGeneratedCodecsDo()
    {
        assertThat(catalog.messageName(FrameChecker.CANONICAL_SCHEMA_ID, TradeDecoder.TEMPLATE_ID))
            .isEqualTo("Trade");
        assertThat(catalog.messageName(FrameChecker.CANONICAL_SCHEMA_ID, ConnectionStateDecoder.TEMPLATE_ID))
            .isEqualTo("ConnectionState");
        assertThat(catalog.messageName(FrameChecker.BINANCE_SCHEMA_ID, DepthDiffStreamEventDecoder.TEMPLATE_ID))
            .isEqualTo("DepthDiffStreamEvent");
    }

    @Test
    void shouldNotNameUnknownTemplates()
    {
        assertThat(catalog.messageName(FrameChecker.CANONICAL_SCHEMA_ID, 999)).isNull();
        assertThat(catalog.messageName(77, 1)).isNull();
    }
}
