package com.schwabot.tensor.cuda;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A float buffer in device memory with a pinned (page-locked) host mirror of the same size, so copies in both
 * directions can be asynchronous on a stream. Allocated once; uploads and downloads allocate nothing.
 * <p>
 * Not thread-safe. A download's data is in the host mirror only after the stream has been synchronized.
 */
final class DeviceBuffer implements AutoCloseable
{
    private final String name;
    private final int capacity;
    private final CUdeviceptr device = new CUdeviceptr();
    private final Pointer host = new Pointer();
    private final FloatBuffer hostView;
    private boolean deviceAllocated;
    private boolean hostAllocated;

    /**
     * Allocates the device buffer and its pinned host mirror; the caller's context must be current.
     *
     * @param name     what the buffer holds, for error messages.
     * @param capacity its size in floats (at least 1 is allocated).
     */
    DeviceBuffer(final String name, final int capacity)
    {
        this.name = name;
        this.capacity = capacity;
        final long bytes = (long)Math.max(1, capacity) * Float.BYTES;
        try
        {
            JCudaDriver.cuMemAlloc(device, bytes);
            deviceAllocated = true;
            JCudaDriver.cuMemAllocHost(host, bytes);
            hostAllocated = true;
            hostView = host.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    String name()
    {
        return name;
    }

    int capacity()
    {
        return capacity;
    }

    CUdeviceptr device()
    {
        return device;
    }

    /**
     * Copies floats into the pinned mirror and queues their copy to the device at the same offset.
     *
     * @param src    the source array.
     * @param offset the first float, in src and in the buffer.
     * @param length how many floats.
     * @param stream the stream.
     * @param devicePointer {@link #device()} or a view of it at {@code offset} floats.
     * @param hostPointer   the pinned mirror or a view of it at {@code offset} floats.
     */
    void upload(
        final float[] src,
        final int offset,
        final int length,
        final CUstream stream,
        final CUdeviceptr devicePointer,
        final Pointer hostPointer)
    {
        if (length == 0)
        {
            return;
        }
        hostView.put(offset, src, offset, length);
        JCudaDriver.cuMemcpyHtoDAsync(devicePointer, hostPointer, (long)length * Float.BYTES, stream);
    }

    /**
     * Copies the first floats of src to the device (through the pinned mirror), asynchronously.
     *
     * @param src    the source array.
     * @param length how many floats.
     * @param stream the stream.
     */
    void upload(final float[] src, final int length, final CUstream stream)
    {
        upload(src, 0, length, stream, device, host);
    }

    /**
     * Queues the copy of the first floats from the device to the pinned mirror.
     *
     * @param length how many floats.
     * @param stream the stream.
     */
    void download(final int length, final CUstream stream)
    {
        if (length > 0)
        {
            JCudaDriver.cuMemcpyDtoHAsync(host, device, (long)length * Float.BYTES, stream);
        }
    }

    /**
     * Copies floats of the pinned mirror into an array at the same offset; call after the stream is synchronized.
     *
     * @param dst    the destination.
     * @param offset the first float, in the mirror and in dst.
     * @param length how many floats.
     */
    void copyTo(final float[] dst, final int offset, final int length)
    {
        if (length > 0)
        {
            hostView.get(offset, dst, offset, length);
        }
    }

    /**
     * A view of the device buffer at a float offset (allocates a pointer object: for set-up, not per batch).
     *
     * @param floats the offset in floats.
     * @return the view.
     */
    CUdeviceptr deviceAt(final int floats)
    {
        return device.withByteOffset((long)floats * Float.BYTES);
    }

    /**
     * A view of the pinned mirror at a float offset (allocates a pointer object: for set-up, not per batch).
     *
     * @param floats the offset in floats.
     * @return the view.
     */
    Pointer hostAt(final int floats)
    {
        return host.withByteOffset((long)floats * Float.BYTES);
    }

    @Override
    public void close()
    {
        if (hostAllocated)
        {
            hostAllocated = false;
            JCudaDriver.cuMemFreeHost(host);
        }
        if (deviceAllocated)
        {
            deviceAllocated = false;
            JCudaDriver.cuMemFree(device);
        }
    }
}
