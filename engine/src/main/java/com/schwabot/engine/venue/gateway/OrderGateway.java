package com.schwabot.engine.venue.gateway;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.Backoff;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Order gateway client: drains the output ring and writes each frame to the venue's order port
 * ({@link OrderEntryProtocol}: int32 little-endian length, then the canonical SBE frame), and hands the venue's
 * execution reports to the input ring.
 * <p>
 * <b>Duty cycle.</b> An Agrona {@link Agent}: each {@link #doWork()} reads the monotonic clock once, runs the
 * connection state machine (connect with {@link Backoff}, notice a loss, heartbeat timeout), drains up to
 * {@link GatewayContext#maxBatch()} events through a Disruptor {@link EventPoller} and sends heartbeats when idle. The
 * poller (rather than a {@code BatchEventProcessor}) keeps the gateway a steppable duty cycle: no thread of its own,
 * the idle strategy is ours, tests call {@code doWork()} directly with a fake clock, and it composes with other agents.
 * Run it with {@link #startOnThread(OrderGateway)} or any {@link AgentRunner}.
 * <p>
 * <b>Sending.</b> While connected, the events of one cycle are copied (length prefix, then the slot's bytes, byte for
 * byte) into one direct buffer from a small fixed set reused for the gateway's life ({@link SendBuffers}), written and
 * flushed once per cycle. An event whose destination is not this gateway's source is rejected. If the socket is not
 * writable or every send buffer is still queued in Netty (the venue reads slower than we send), the cycle leaves the
 * ring alone, so back-pressure reaches the business thread instead of growing Netty's outbound buffer.
 * <p>
 * <b>Orders drained while down are never lost silently.</b> Each {@code NewOrder} or {@code CancelOrder} drained while
 * not connected (or misrouted) is answered with a synthetic {@code ExecutionReport} ({@code REJECTED},
 * {@code VENUE_ERROR}; fields as described on {@link SyntheticRejects}) published through
 * {@link FrameSink#onExecution(long, org.agrona.DirectBuffer, int, int, long)} on the gateway thread, and counted.
 * Frames written to a connection that then dies may or may not have reached the venue; the protocol's
 * cancel-on-disconnect rule covers them (the engine treats its open orders on a lost connection as canceled).
 * Closing the gateway drains what is left in the ring the same way.
 * <p>
 * <b>Receiving</b> (Netty event loop): {@code ExecutionReport} to the sink with the ingress time of the read;
 * {@code Heartbeat} counted; anything else counted and skipped; a length outside the protocol's bounds is counted and
 * closes the connection, which is then re-established. Every read counts as liveness: with nothing received for
 * {@link GatewayContext#heartbeatTimeoutMs()} the connection is closed as lost.
 * <p>
 * <b>Session resume.</b> With an {@link GatewayContext#account(long) account}, the first frame on every connection
 * is a {@code Logon} carrying the account and the exec id to resume after: on the first connection the context's
 * {@link GatewayContext#resumeAfterExecId(long)} (what the journal holds; none: {@code reset = YES}, a new
 * session), later the exec id of the last report received (or of the venue's last logon answer). The venue's answer
 * goes to the sink like a report (so it is journaled and the business thread takes its resume point from it),
 * followed by the reports the venue resends.
 * The connection counts as up only once the answer has come; with none within the heartbeat timeout it is closed
 * and re-established.
 * <p>
 * <b>State.</b> {@link FrameSink#onConnectionState(long, int, boolean, long)} with
 * {@link Sources#CHANNEL_ORDER_ENTRY}, always from the gateway thread: {@code true} when a connection is
 * established (and, with an account, its logon answered), {@code false} exactly once when such a connection is lost
 * (or on close). Failed attempts while down signal nothing.
 * <p>
 * <b>Threads.</b> The duty cycle runs on one thread (the agent runner's); inbound I/O on a Netty event loop: a
 * single-thread NIO group named {@code schwabot-<name>} owned by the gateway, or a loop of a group given in the
 * context. Counters may be read from any thread.
 * <p>
 * <b>Allocation.</b> Steady state on the gateway thread allocates nothing per order or per flush: reused send
 * buffers and encoders, no promises ({@code voidPromise}), and Netty's cross-thread write task recycled, which Netty
 * does only when the calling thread is a {@link FastThreadLocalThread} (as {@link #startOnThread(OrderGateway)} makes
 * it); on a plain thread Netty allocates one 32-byte task per flush, never per order.
 * {@code OrderGatewayAllocationTest} measures both over 200,000 orders (about 1 KB in all on a FastThreadLocalThread,
 * the JVM's own residue). What the event loop allocates (reads, its task queue) is Netty's and not measured.
 */
public final class OrderGateway implements Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);
    private static final int DISCONNECTED = 0;
    private static final int CONNECTING = 1;
    private static final int CONNECTED = 2;
    private static final int CLOSED = 3;
    private static final int PREFIX = OrderEntryProtocol.LENGTH_FIELD_LENGTH;
    private static final int HEARTBEAT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
    private static final int LOGON_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + LogonEncoder.BLOCK_LENGTH;

    private final GatewayContext ctx;
    private final FrameSink sink;
    private final long source;
    private final RingBuffer<OutboundEvent> ring;
    private final EventPoller<OutboundEvent> poller;
    private final EventPoller.Handler<OutboundEvent> drainHandler = this::onEvent;
    private final NanoClock nanoClock;
    private final EpochNanoClock epochClock;
    private final Backoff backoff;
    private final GatewayCounters counters = new GatewayCounters();
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Bootstrap bootstrap;
    private final SendBuffers sendBuffers;
    private final SyntheticRejects rejects = new SyntheticRejects();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final HeartbeatEncoder heartbeatEncoder = new HeartbeatEncoder();
    private final UnsafeBuffer heartbeatBuffer = new UnsafeBuffer(new byte[HEARTBEAT_LENGTH]);
    private final LogonEncoder logonEncoder = new LogonEncoder();
    private final UnsafeBuffer logonBuffer = new UnsafeBuffer(new byte[LOGON_LENGTH]);
    private final long account;
    private final byte[] scratch = new byte[OutboundEvent.CAPACITY];
    private final long heartbeatIntervalNs;
    private final long heartbeatTimeoutNs;
    private final int maxBatch;
    private volatile long lastInboundNs;
    private volatile boolean connectedView;
    private volatile long resumeAfterExecId;
    private volatile Channel answeredChannel;

    private int state = DISCONNECTED;
    private Channel channel;
    private ChannelFuture connectFuture;
    private long nextAttemptNs;
    private long lastSendNs;
    private long heartbeatSequence;
    private boolean attempted;
    private boolean up;
    private long logonSentNs;
    private ByteBuf batch;
    private int drainedThisCycle;

    /**
     * Validate the context, create the ring poller (added as a gating sequence of the ring) and the event loop group.
     * Nothing connects until the first {@link #doWork()}.
     *
     * @param context the settings; {@link GatewayContext#conclude()} is called here.
     */
    public OrderGateway(final GatewayContext context)
    {
        this.ctx = context.conclude();
        this.sink = ctx.sink();
        this.source = ctx.source();
        this.ring = ctx.ring();
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.nanoClock = ctx.nanoClock();
        this.epochClock = ctx.epochClock();
        this.backoff = Backoff.ofMillis(
            ctx.reconnectBackoffMs(), ctx.reconnectBackoffMaxMs(), ctx.reconnectStableMs(),
            ctx.reconnectJitter(), ctx.reconnectSeed());
        this.heartbeatIntervalNs = TimeUnit.MILLISECONDS.toNanos(ctx.heartbeatIntervalMs());
        this.heartbeatTimeoutNs = TimeUnit.MILLISECONDS.toNanos(ctx.heartbeatTimeoutMs());
        this.maxBatch = ctx.maxBatch();
        this.account = ctx.account();
        this.resumeAfterExecId = ctx.resumeAfterExecId();
        this.sendBuffers = new SendBuffers(
            ctx.allocator(),
            ctx.sendBuffers(),
            Math.max(maxBatch * (PREFIX + OutboundEvent.CAPACITY), PREFIX + HEARTBEAT_LENGTH));
        this.ownsGroup = null == ctx.eventLoopGroup();
        this.group = ownsGroup ?
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("schwabot-" + ctx.name(), true),
                NioIoHandler.newFactory()) :
            ctx.eventLoopGroup();
        this.bootstrap = new Bootstrap()
            .group(group.next())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOCATOR, ctx.allocator())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)ctx.connectTimeoutMs());
        this.nextAttemptNs = nanoClock.nanoTime();
    }

    /**
     * Start the duty cycle on a new daemon thread named after {@link #roleName()}, with the context's idle strategy;
     * errors thrown by a cycle are logged and the loop goes on. The thread is a Netty {@link FastThreadLocalThread}:
     * Netty recycles its cross-thread write task only on such threads (on a plain thread each flush allocates one).
     * Close the returned runner to stop (it calls {@link #onClose()} on the agent thread).
     *
     * @param gateway the gateway.
     * @return the running runner.
     */
    public static AgentRunner startOnThread(final OrderGateway gateway)
    {
        final AgentRunner runner = new AgentRunner(
            gateway.ctx.idleStrategy(),
            ex -> LOG.error("{}: duty cycle error", gateway.ctx.name(), ex),
            null,
            gateway);
        AgentRunner.startOnThread(runner, task ->
        {
            final Thread thread = new FastThreadLocalThread(task);
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }

    /**
     * One duty cycle. Call from one thread only.
     *
     * @return work done: 0 when idle.
     * @throws Exception from the ring poller.
     */
    public int doWork() throws Exception
    {
        final long nowNs = nanoClock.nanoTime();
        int work = manageConnection(nowNs);
        work += drain(nowNs);
        work += heartbeat(nowNs);
        return work;
    }

    /**
     * Disconnect (signalling the gateway down if it was up), reject whatever is left in the ring, and shut the owned
     * event loop group down. Runs on the agent thread when the runner closes; call it directly (once) when stepping
     * {@link #doWork()} by hand.
     */
    public void onClose()
    {
        if (CLOSED == state)
        {
            return;
        }
        final boolean wasUp = CONNECTED == state && up;
        up = false;
        state = CLOSED;
        connectedView = false;
        if (null != connectFuture)
        {
            connectFuture.channel().close();
        }
        if (null != channel)
        {
            channel.close();
        }
        if (wasUp)
        {
            sink.onConnectionState(source, Sources.CHANNEL_ORDER_ENTRY, false, epochClock.nanoTime());
        }
        try
        {
            drain(nanoClock.nanoTime());
        }
        catch (final Exception ex)
        {
            LOG.error("{}: draining the output ring on close failed", ctx.name(), ex);
        }
        if (ownsGroup)
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        sendBuffers.free();
    }

    /**
     * Same as {@link #onClose()}, for use without an agent runner.
     */
    public void close()
    {
        onClose();
    }

    /**
     * @return {@code order-gateway-<name>}.
     */
    public String roleName()
    {
        return "order-gateway-" + ctx.name();
    }

    /**
     * @return the counters.
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return true while connected, as the gateway thread last saw it (from any thread).
     */
    public boolean isConnected()
    {
        return connectedView;
    }

    /**
     * @return the concluded settings.
     */
    public GatewayContext context()
    {
        return ctx;
    }

    void onInbound(final long nowNs)
    {
        lastInboundNs = nowNs;
    }

    /**
     * The venue answered the logon on a connection (event loop).
     *
     * @param answered   the connection.
     * @param lastExecId the exec id after which the venue sends the account's reports.
     */
    void onLogonAnswer(final Channel answered, final long lastExecId)
    {
        resumeAfterExecId = lastExecId;
        answeredChannel = answered;
    }

    /**
     * A report with an exec id went to the sink (event loop): the next logon resumes after it.
     *
     * @param execId its exec id.
     */
    void onReportExecId(final long execId)
    {
        resumeAfterExecId = execId;
    }

    /**
     * @return the exec id the next logon resumes after (any thread).
     */
    public long resumeAfterExecId()
    {
        return resumeAfterExecId;
    }

    private int manageConnection(final long nowNs)
    {
        switch (state)
        {
            case DISCONNECTED:
                if (nowNs - nextAttemptNs >= 0)
                {
                    connect();
                    return 1;
                }
                return 0;

            case CONNECTING:
                return connectFuture.isDone() ? onConnectDone(nowNs) : 0;

            case CONNECTED:
                if (!channel.isActive())
                {
                    onLost(nowNs);
                    return 1;
                }
                if (nowNs - lastInboundNs >= heartbeatTimeoutNs)
                {
                    counters.increment(GatewayCounters.HEARTBEAT_TIMEOUTS);
                    LOG.warn("{}: nothing received for {} ms, closing", ctx.name(), ctx.heartbeatTimeoutMs());
                    channel.close();
                    onLost(nowNs);
                    return 1;
                }
                return up ? 0 : awaitLogonAnswer(nowNs);

            default:
                return 0;
        }
    }

    private void connect()
    {
        if (attempted)
        {
            counters.increment(GatewayCounters.RECONNECTS);
        }
        attempted = true;
        connectFuture = bootstrap.clone()
            .handler(new GatewayChannelHandler(this, ctx))
            .connect(ctx.host(), ctx.port());
        state = CONNECTING;
    }

    private int onConnectDone(final long nowNs)
    {
        final ChannelFuture future = connectFuture;
        connectFuture = null;
        if (future.isSuccess() && future.channel().isActive())
        {
            channel = future.channel();
            state = CONNECTED;
            lastInboundNs = nowNs;
            lastSendNs = nowNs;
            backoff.onConnected(nowNs);
            counters.increment(GatewayCounters.CONNECTS);
            if (GatewayContext.NO_ACCOUNT == account)
            {
                signalUp();
            }
            else
            {
                sendLogon(nowNs);
            }
        }
        else
        {
            counters.increment(GatewayCounters.CONNECT_FAILURES);
            LOG.warn("{}: connect to {}:{} failed: {}", ctx.name(), ctx.host(), ctx.port(),
                null == future.cause() ? "closed at once" : String.valueOf(future.cause()));
            future.channel().close();
            state = DISCONNECTED;
            nextAttemptNs = nowNs + backoff.nextDelayNs();
        }
        return 1;
    }

    private void onLost(final long nowNs)
    {
        channel = null;
        state = DISCONNECTED;
        connectedView = false;
        counters.increment(GatewayCounters.LOSSES);
        backoff.onDisconnected(nowNs);
        nextAttemptNs = nowNs + backoff.nextDelayNs();
        if (up)
        {
            up = false;
            sink.onConnectionState(source, Sources.CHANNEL_ORDER_ENTRY, false, epochClock.nanoTime());
        }
    }

    private void signalUp()
    {
        up = true;
        connectedView = true;
        sink.onConnectionState(source, Sources.CHANNEL_ORDER_ENTRY, true, epochClock.nanoTime());
    }

    /**
     * The first frame of a connection with an account: allocates its buffer (once per connection, not per order).
     */
    private void sendLogon(final long nowNs)
    {
        logonEncoder.wrapAndApplyHeader(logonBuffer, 0, headerEncoder)
            .timeNs(epochClock.nanoTime())
            .account(account)
            .lastExecId(resumeAfterExecId)
            .reset(GatewayContext.NO_EXEC_ID == resumeAfterExecId ? YesNo.YES : YesNo.NO);
        final ByteBuf frame = channel.alloc().buffer(PREFIX + LOGON_LENGTH);
        frame.writeIntLE(LOGON_LENGTH);
        frame.writeBytes(logonBuffer.byteArray(), 0, LOGON_LENGTH);
        channel.writeAndFlush(frame, channel.voidPromise());
        counters.increment(GatewayCounters.LOGONS_SENT);
        logonSentNs = nowNs;
    }

    private int awaitLogonAnswer(final long nowNs)
    {
        if (answeredChannel == channel)
        {
            signalUp();
            return 1;
        }
        if (nowNs - logonSentNs >= heartbeatTimeoutNs)
        {
            counters.increment(GatewayCounters.LOGON_TIMEOUTS);
            LOG.warn("{}: no answer to the logon for {} ms, closing", ctx.name(), ctx.heartbeatTimeoutMs());
            channel.close();
            onLost(nowNs);
            return 1;
        }
        return 0;
    }

    private int drain(final long nowNs) throws Exception
    {
        if (CONNECTED == state)
        {
            batch = channel.isWritable() ? sendBuffers.claim() : null;
            if (null == batch)
            {
                counters.increment(GatewayCounters.BACK_PRESSURE);
                return 0;
            }
        }
        drainedThisCycle = 0;
        poller.poll(drainHandler);
        final ByteBuf written = batch;
        batch = null;
        if (null != written && written.isReadable())
        {
            sendBuffers.send(channel, written);
            counters.increment(GatewayCounters.FLUSHES);
            lastSendNs = nowNs;
        }
        return drainedThisCycle;
    }

    private boolean onEvent(final OutboundEvent event, final long sequence, final boolean endOfBatch)
    {
        final int length = event.length();
        if (length < OrderEntryProtocol.MIN_FRAME_LENGTH || length > OutboundEvent.CAPACITY)
        {
            counters.increment(GatewayCounters.BAD_OUTBOUND);
        }
        else if (event.destination() != source)
        {
            counters.increment(GatewayCounters.MISROUTED);
            reject(event, length);
        }
        else if (CONNECTED == state)
        {
            append(event, length);
        }
        else
        {
            reject(event, length);
        }
        return ++drainedThisCycle < maxBatch;
    }

    private void append(final OutboundEvent event, final int length)
    {
        batch.writeIntLE(length);
        final UnsafeBuffer frame = event.buffer();
        final byte[] array = frame.byteArray();
        if (null != array)
        {
            batch.writeBytes(array, frame.wrapAdjustment(), length);
        }
        else
        {
            frame.getBytes(0, scratch, 0, length);
            batch.writeBytes(scratch, 0, length);
        }
        counters.increment(GatewayCounters.FRAMES_SENT);
        counters.add(GatewayCounters.BYTES_SENT, PREFIX + length);
    }

    private void reject(final OutboundEvent event, final int length)
    {
        final long nowNanos = epochClock.nanoTime();
        final int reportLength = rejects.encode(event.buffer(), 0, length, nowNanos);
        if (reportLength < 0)
        {
            counters.increment(GatewayCounters.BAD_OUTBOUND);
            return;
        }
        counters.increment(GatewayCounters.SYNTHETIC_REJECTS);
        if (!sink.onExecution(source, rejects.buffer(), 0, reportLength, nowNanos))
        {
            counters.increment(GatewayCounters.REJECTS_REFUSED);
        }
    }

    private int heartbeat(final long nowNs)
    {
        if (CONNECTED != state || nowNs - lastSendNs < heartbeatIntervalNs || !channel.isWritable())
        {
            return 0;
        }
        final ByteBuf buffer = sendBuffers.claim();
        if (null == buffer)
        {
            return 0;
        }
        heartbeatEncoder.wrapAndApplyHeader(heartbeatBuffer, 0, headerEncoder)
            .timeNs(epochClock.nanoTime())
            .sequence(++heartbeatSequence)
            .sourceId(source);
        buffer.writeIntLE(HEARTBEAT_LENGTH);
        buffer.writeBytes(heartbeatBuffer.byteArray(), 0, HEARTBEAT_LENGTH);
        sendBuffers.send(channel, buffer);
        counters.increment(GatewayCounters.HEARTBEATS_SENT);
        lastSendNs = nowNs;
        return 1;
    }
}
