package com.schwabot.engine.venue.feed;

import java.net.URI;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * The RFC 6455 client handshake of a feed connection (version 13, no subprotocol, no extensions, masked client frames,
 * unmasked venue frames), with one change to Netty's own: the frame decoder it installs refuses a frame that breaks
 * the protocol (it throws, and the connection's {@link FeedChannelHandler} answers with a close frame carrying the
 * status, then closes) but writes nothing itself. Netty's decoder writes that close frame from its own place in the
 * pipeline, which on a client is in front of the WebSocket encoder: the frame reached the socket unencoded, the
 * socket refused it, and the venue never got it.
 */
final class FeedHandshaker extends WebSocketClientHandshaker13
{
    FeedHandshaker(final URI uri, final HttpHeaders headers, final int maxFramePayloadLength)
    {
        super(uri, WebSocketVersion.V13, null, false, headers, maxFramePayloadLength);
    }

    @Override
    protected WebSocketFrameDecoder newWebsocketDecoder()
    {
        return new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
            .expectMaskedFrames(false)
            .allowMaskMismatch(false)
            .allowExtensions(false)
            .maxFramePayloadLength(maxFramePayloadLength())
            .closeOnProtocolViolation(false)
            .build());
    }
}
