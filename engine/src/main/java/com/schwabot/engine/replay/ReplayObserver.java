package com.schwabot.engine.replay;

import com.schwabot.engine.TradingCore;

/**
 * Watches a replay from the replay thread, for backtest reports: each run's fresh core as it starts, the event time
 * of every inbound record before the pipeline sees it, and each run's end once its last reports are drained. Called
 * on the replay thread only; an observer that is slow slows the replay, so keep {@link #onEvent(long)} to a compare.
 */
public interface ReplayObserver
{
    /**
     * A run starts: its core is built, nothing has been fed to it yet.
     *
     * @param firstSequence journal sequence of its first record.
     * @param core          the run's core (replay thread only).
     */
    void onSessionStart(long firstSequence, TradingCore core);

    /**
     * An inbound record is about to be fed to the current run's pipeline.
     *
     * @param ingressNanos its journaled ingress time: the replay's now.
     */
    void onEvent(long ingressNanos);

    /**
     * The current run ended: its batch closed, the simulated venue drained.
     *
     * @param session what the run did.
     */
    void onSessionEnd(ReplayResult.Session session);
}
