package com.schwabot.engine;

import org.agrona.DirectBuffer;

import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.replay.SessionStarts;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalDamagedException;

/**
 * Crash recovery. Before a live engine goes live on an existing journal, the journal's last session (the last run
 * that started afresh, and every run that continued it since) is replayed into the engine's fresh core, so positions,
 * working orders, risk state and breakers, the order-rate window and the learned weights are what the last run left,
 * whether it stopped cleanly or was killed. The replay feeds the journaled inbound records, execution reports
 * included, exactly as {@code Replayer} does, and sends nothing: the core's orders pass a {@link Gate} that is shut
 * while recovering (the journal holds every order the run sent, and client order ids come from journal sequences, so
 * no order is sent twice). The business thread journals each Disruptor batch whole, with its end-of-batch mark,
 * before acting on it, so the recovered core runs a killed run's last batch to its end, as a replay does: a decision
 * the killed run had not reached yet is taken behind the shut gate (never sent; the connection DOWN published next
 * cancels it like every other working order).
 * <p>
 * The engine then publishes a SESSION_START whose commandId is the continued session's first sequence (so that a
 * replay continues the same core there too; see {@link SessionStarts}) and a ConnectionState DOWN for both channels:
 * the last run's connections are gone, and the venue cancels working orders on disconnect, so the recovered core
 * ends its working orders locally.
 * <p>
 * The journal alone can miss what the venue sent just before the crash (a fill sent, never journaled). So the venue
 * is asked too ({@code OrderEntryProtocol}'s session resume): the recovered order stage's resume point
 * ({@code OrderStage.lastExecId()}: the exec id of the last venue report journaled in the session, or of the
 * venue's last logon answer) becomes {@code Engine.resumeAfterExecId()}, the order gateway's first logon asks the
 * venue to resend every report of the account after it, and those reports (the missed fills, the cancels the venue
 * made on disconnect) come in through the input ring and are journaled like any other, so a replay sees them too. A
 * fill of an order the recovered core had ended moves the portfolio as a late fill; a report the engine already had
 * is recognized by its exec id and ignored. Positions, open orders and risk state are then the venue's. When the
 * session holds no logon answer (a journal from before the protocol's logon, or a run that died before the venue
 * answered, and so before it sent any order), the gateway asks for a new session and nothing is resent.
 */
final class Recovery
{
    private Recovery()
    {
    }

    /**
     * The session a restart continues.
     *
     * @param journal the engine's journal.
     * @return the journal sequence of the last session's fresh SESSION_START, or -1 when the journal holds none.
     */
    static long lastSession(final Journal journal)
    {
        final SessionStarts starts = new SessionStarts();
        final long[] root = { -1 };
        journal.replay(0, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        {
            final long start = starts.sessionStart(buffer, offset, length);
            if (start == SessionStarts.FRESH)
            {
                root[0] = sequence;
            }
            else if (start > SessionStarts.FRESH && root[0] < 0)
            {
                root[0] = start;
            }
        });
        return root[0];
    }

    /**
     * Feed a session's inbound records, from its first sequence to the journal's end, through a core's pipeline.
     *
     * @param journal  the engine's journal.
     * @param from     the session's first sequence.
     * @param pipeline the fresh core's pipeline (its orders must go to a shut {@link Gate}).
     * @return the inbound records fed.
     * @throws JournalDamagedException when a record of the session cannot be read (a failed checksum, a damaged
     *                                 excerpt): the core would not hold what the last run held.
     */
    static long replay(final Journal journal, final long from, final Pipeline pipeline)
    {
        final long[] fed = { 0 };
        journal.replayWhole(from, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        {
            if ((flags & JournalFlags.OUTBOUND) == 0)
            {
                fed[0]++;
                pipeline.onFrame(buffer, offset, length, ingressNanos, source, sequence,
                    (flags & JournalFlags.END_OF_BATCH) != 0);
            }
        });
        return fed[0];
    }

    /**
     * The live order sender behind a gate: shut while recovering (an order is then accepted and dropped, as the
     * replayed run already sent it), open once live.
     */
    static final class Gate implements OrderSender
    {
        private final OrderSender live;
        private boolean open = true;

        Gate(final OrderSender live)
        {
            this.live = live;
        }

        void open(final boolean open)
        {
            this.open = open;
        }

        public boolean send(
            final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
        {
            return !open || live.send(buffer, offset, length, clOrdId, destination);
        }
    }
}
