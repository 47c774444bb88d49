package com.schwabot.tensor.cuda;

import com.schwabot.tensor.CudaUnavailableException;
import com.schwabot.tensor.FeatureWindow;
import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBackendException;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

import java.nio.charset.StandardCharsets;

/**
 * The CUDA tensor backend, on the JCuda driver API. At creation it initialises the driver, creates a context and a
 * non-blocking stream on one device, builds the kernels (NVRTC, or the build-time PTX) and allocates every device
 * buffer and its pinned host mirror for the {@link TensorCapacity}. Each call then copies the batch's inputs into
 * pinned memory, queues their asynchronous copies, one kernel launch and the asynchronous copies back on the
 * stream, synchronizes the stream, and copies the results into the batch: no allocation per call (kernel
 * parameters are prebuilt pointers to small arrays that are rewritten in place).
 * <p>
 * The feature window is mirrored on the device: only the rows appended since the last call are sent, unless the
 * window object changed or was cleared, in which case the whole ring is sent once.
 * <p>
 * Not thread-safe: one instance per thread; the context is made current on the calling thread at every call.
 */
public final class CudaTensorBackend implements TensorBackend
{
    private static final int BLOCK = 256;
    private static final NativeLoadFailure DRIVER_LOAD_FAILURE =
        new NativeLoadFailure("no CUDA driver on this machine");

    private final TensorCapacity capacity;
    private final String description;
    private final CUcontext context;
    private final CUstream stream = new CUstream();
    private final CUmodule module;
    private final CUfunction scoreKernel;
    private final CUfunction updateKernel;
    private final CUfunction statsKernel;
    private final CUfunction sweepKernel;
    private final DeviceBuffers buffers;

    private final int[] nArg = new int[1];
    private final int[] featuresArg = new int[1];
    private final int[] outputsArg = new int[1];
    private final int[] activationArg = new int[1];
    private final int[] variantsArg = new int[1];
    private final int[] strideArg = new int[1];
    private final int[] windowArg = new int[1];
    private final int[] headArg = new int[1];
    private final int[] countArg = new int[1];
    private final float[] learningRateArg = new float[1];
    private final float[] boundArg = new float[1];
    private final Pointer scoreParams;
    private final Pointer updateParams;
    private final Pointer statsParams;
    private final Pointer sweepParams;

    private FeatureWindow mirroredWindow;
    private int mirroredGeneration;
    private long mirroredAppends;
    private CUdeviceptr[] slotDevice = new CUdeviceptr[0];
    private Pointer[] slotHost = new Pointer[0];
    private boolean closed;

    private CudaTensorBackend(
        final TensorCapacity capacity, final String description, final CUcontext context, final int major,
        final int minor)
    {
        this.capacity = capacity;
        this.description = description;
        this.context = context;
        JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING);
        this.module = KernelModule.load(major, minor);
        this.scoreKernel = KernelModule.function(module, KernelModule.SCORE);
        this.updateKernel = KernelModule.function(module, KernelModule.UPDATE);
        this.statsKernel = KernelModule.function(module, KernelModule.ROLLING_STATS);
        this.sweepKernel = KernelModule.function(module, KernelModule.SWEEP);
        this.buffers = new DeviceBuffers(capacity);
        final DeviceBuffers b = buffers;
        this.scoreParams = Pointer.to(
            Pointer.to(b.features.device()), Pointer.to(b.weights.device()), Pointer.to(b.bias.device()),
            Pointer.to(b.scores.device()), Pointer.to(nArg), Pointer.to(featuresArg), Pointer.to(outputsArg),
            Pointer.to(activationArg));
        this.updateParams = Pointer.to(
            Pointer.to(b.features.device()), Pointer.to(b.scores.device()), Pointer.to(b.outcomes.device()),
            Pointer.to(b.weights.device()), Pointer.to(b.bias.device()), Pointer.to(nArg), Pointer.to(featuresArg),
            Pointer.to(outputsArg), Pointer.to(activationArg), Pointer.to(learningRateArg), Pointer.to(boundArg));
        this.statsParams = Pointer.to(
            Pointer.to(b.window.device()), Pointer.to(b.mean.device()), Pointer.to(b.variance.device()),
            Pointer.to(nArg), Pointer.to(featuresArg), Pointer.to(strideArg), Pointer.to(windowArg),
            Pointer.to(headArg), Pointer.to(countArg));
        this.sweepParams = Pointer.to(
            Pointer.to(b.features.device()), Pointer.to(b.sweepWeights.device()), Pointer.to(b.sweepBias.device()),
            Pointer.to(b.sweepScores.device()), Pointer.to(nArg), Pointer.to(featuresArg), Pointer.to(outputsArg),
            Pointer.to(variantsArg), Pointer.to(strideArg), Pointer.to(activationArg));
    }

    /**
     * Opens the backend on a device.
     *
     * @param capacity the largest shapes it will accept (device memory is allocated for them now).
     * @param ordinal  the device ordinal, 0 for the first.
     * @return the backend.
     * @throws CudaUnavailableException with a one-line reason when the JCuda natives or the CUDA driver cannot be
     *                                  loaded, there is no such device, or the kernels cannot be built.
     */
    public static CudaTensorBackend open(final TensorCapacity capacity, final int ordinal)
    {
        final CUdevice device = probe(ordinal);
        final CUcontext context = new CUcontext();
        try
        {
            final byte[] name = new byte[256];
            JCudaDriver.cuDeviceGetName(name, name.length, device);
            final int major = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
            final int minor = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
            final String description = "device " + ordinal + ": " + cString(name) + ", compute " + major + "." + minor;
            JCudaDriver.cuCtxCreate(context, 0, device);
            try
            {
                return new CudaTensorBackend(capacity, description, context, major, minor);
            }
            catch (final RuntimeException ex)
            {
                JCudaDriver.cuCtxDestroy(context);
                throw ex;
            }
        }
        catch (final CudaException ex)
        {
            throw new CudaUnavailableException("CUDA set-up failed: " + KernelModule.oneLine(ex), ex);
        }
    }

    /**
     * Initialises the driver and checks the device exists.
     *
     * @param ordinal the device ordinal.
     * @return the device.
     * @throws CudaUnavailableException when it cannot be used.
     */
    static CUdevice probe(final int ordinal)
    {
        try
        {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            final int[] count = new int[1];
            JCudaDriver.cuDeviceGetCount(count);
            if (ordinal < 0 || ordinal >= count[0])
            {
                throw new CudaUnavailableException(
                    "no CUDA device " + ordinal + " (the driver reports " + count[0] + " devices)", null);
            }
            final CUdevice device = new CUdevice();
            JCudaDriver.cuDeviceGet(device, ordinal);
            return device;
        }
        catch (final LinkageError ex)
        {
            throw new CudaUnavailableException(
                "the JCuda natives could not be loaded: " + DRIVER_LOAD_FAILURE.reason(ex), ex);
        }
        catch (final CudaException ex)
        {
            throw new CudaUnavailableException("CUDA driver initialisation failed: " + KernelModule.oneLine(ex), ex);
        }
    }

    /** @return the device, for the log line: ordinal, name and compute capability. */
    public String description()
    {
        return description;
    }

    @Override
    public String name()
    {
        return "cuda";
    }

    @Override
    public void score(final TensorBatch batch, final int n)
    {
        begin(capacity.fits(batch));
        batch.checkCount(n);
        final int f = batch.featureCount();
        final int k = batch.outputCount();
        try
        {
            buffers.features.upload(batch.features(), n * f, stream);
            buffers.weights.upload(batch.weights(), f * k, stream);
            buffers.bias.upload(batch.bias(), k, stream);
            setShape(n, f, k, batch.activation().code());
            launch(scoreKernel, n * k, scoreParams);
            buffers.scores.download(n * k, stream);
            JCudaDriver.cuStreamSynchronize(stream);
            buffers.scores.copyTo(batch.scores(), 0, n * k);
        }
        catch (final CudaException ex)
        {
            throw failed("score", ex);
        }
    }

    @Override
    public void update(final TensorBatch batch, final int n)
    {
        begin(capacity.fits(batch));
        batch.checkCount(n);
        final int f = batch.featureCount();
        final int k = batch.outputCount();
        try
        {
            buffers.features.upload(batch.features(), n * f, stream);
            buffers.scores.upload(batch.scores(), n * k, stream);
            buffers.outcomes.upload(batch.outcomes(), n, stream);
            buffers.weights.upload(batch.weights(), f * k, stream);
            buffers.bias.upload(batch.bias(), k, stream);
            setShape(n, f, k, batch.activation().code());
            learningRateArg[0] = batch.learningRate();
            boundArg[0] = batch.weightBound();
            launch(updateKernel, (f + 1) * k, updateParams);
            buffers.weights.download(f * k, stream);
            buffers.bias.download(k, stream);
            JCudaDriver.cuStreamSynchronize(stream);
            buffers.weights.copyTo(batch.weights(), 0, f * k);
            buffers.bias.copyTo(batch.bias(), 0, k);
        }
        catch (final CudaException ex)
        {
            throw failed("update", ex);
        }
    }

    @Override
    public void rollingStats(final FeatureWindow window, final int n)
    {
        begin(capacity.fits(window));
        if (n < 0 || n > window.maxInstruments())
        {
            throw new IllegalArgumentException(
                "instrument count " + n + " outside [0, " + window.maxInstruments() + "]");
        }
        final int size = n * window.featureCount();
        try
        {
            mirror(window);
            setShape(n, window.featureCount(), 0, 0);
            strideArg[0] = window.maxInstruments();
            windowArg[0] = window.length();
            headArg[0] = window.head();
            countArg[0] = window.count();
            launch(statsKernel, size, statsParams);
            buffers.mean.download(size, stream);
            buffers.variance.download(size, stream);
            JCudaDriver.cuStreamSynchronize(stream);
            buffers.mean.copyTo(window.mean(), 0, size);
            buffers.variance.copyTo(window.variance(), 0, size);
        }
        catch (final CudaException ex)
        {
            mirroredWindow = null;
            throw failed("rollingStats", ex);
        }
    }

    @Override
    public void sweep(final SweepBatch batch, final int n)
    {
        begin(capacity.fits(batch));
        batch.checkCount(n);
        final int f = batch.featureCount();
        final int k = batch.outputCount();
        final int v = batch.variantCount();
        final int stride = batch.maxInstruments();
        try
        {
            buffers.features.upload(batch.features(), n * f, stream);
            buffers.sweepWeights.upload(batch.weights(), v * f * k, stream);
            buffers.sweepBias.upload(batch.bias(), v * k, stream);
            setShape(n, f, k, batch.activation().code());
            variantsArg[0] = v;
            strideArg[0] = stride;
            launch(sweepKernel, v * n * k, sweepParams);
            if (n > 0)
            {
                buffers.sweepScores.download(((v - 1) * stride + n) * k, stream);
            }
            JCudaDriver.cuStreamSynchronize(stream);
            for (int variant = 0; n > 0 && variant < v; variant++)
            {
                buffers.sweepScores.copyTo(batch.scores(), variant * stride * k, n * k);
            }
        }
        catch (final CudaException ex)
        {
            throw failed("sweep", ex);
        }
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            JCudaDriver.cuCtxSetCurrent(context);
            JCudaDriver.cuStreamSynchronize(stream);
            buffers.close();
            JCudaDriver.cuModuleUnload(module);
            JCudaDriver.cuStreamDestroy(stream);
        }
        finally
        {
            JCudaDriver.cuCtxDestroy(context);
        }
    }

    private void mirror(final FeatureWindow window)
    {
        final long appended = window.appendCount();
        final int slots = window.length();
        if (window != mirroredWindow || window.generation() != mirroredGeneration || appended < mirroredAppends ||
            appended - mirroredAppends > slots)
        {
            mirroredWindow = null;
            slotDevice = new CUdeviceptr[slots];
            slotHost = new Pointer[slots];
            for (int s = 0; s < slots; s++)
            {
                slotDevice[s] = buffers.window.deviceAt(s * window.slotSize());
                slotHost[s] = buffers.window.hostAt(s * window.slotSize());
            }
            buffers.window.upload(window.data(), window.data().length, stream);
        }
        else
        {
            for (long a = mirroredAppends; a < appended; a++)
            {
                final int slot = (int)(a % slots);
                final int offset = slot * window.slotSize();
                buffers.window.upload(
                    window.data(), offset, window.slotSize(), stream, slotDevice[slot], slotHost[slot]);
            }
        }
        mirroredWindow = window;
        mirroredGeneration = window.generation();
        mirroredAppends = appended;
    }

    private void setShape(final int n, final int features, final int outputs, final int activation)
    {
        nArg[0] = n;
        featuresArg[0] = features;
        outputsArg[0] = outputs;
        activationArg[0] = activation;
    }

    private void launch(final CUfunction function, final int threads, final Pointer params)
    {
        if (threads > 0)
        {
            final int blocks = (threads + BLOCK - 1) / BLOCK;
            JCudaDriver.cuLaunchKernel(function, blocks, 1, 1, BLOCK, 1, 1, 0, stream, params, null);
        }
    }

    private void begin(final boolean fits)
    {
        if (closed)
        {
            throw new IllegalStateException("CUDA tensor backend is closed");
        }
        if (!fits)
        {
            throw new IllegalArgumentException("batch shape exceeds this backend's TensorCapacity");
        }
        JCudaDriver.cuCtxSetCurrent(context);
    }

    private TensorBackendException failed(final String operation, final CudaException ex)
    {
        return new TensorBackendException(
            "CUDA " + operation + " failed on " + description + ": " + KernelModule.oneLine(ex), ex);
    }

    private static int attribute(final CUdevice device, final int attribute)
    {
        final int[] value = new int[1];
        JCudaDriver.cuDeviceGetAttribute(value, attribute, device);
        return value[0];
    }

    private static String cString(final byte[] bytes)
    {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0)
        {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
