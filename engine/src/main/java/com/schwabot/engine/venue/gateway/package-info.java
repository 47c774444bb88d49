/**
 * Order gateway clients: {@link com.schwabot.engine.venue.gateway.OrderGateway} drains the output ring to a venue's
 * order port over {@link com.schwabot.engine.venue.order.OrderEntryProtocol} (int32 little-endian length + canonical
 * SBE frame) and hands the venue's execution reports to the input ring.
 */
package com.schwabot.engine.venue.gateway;
