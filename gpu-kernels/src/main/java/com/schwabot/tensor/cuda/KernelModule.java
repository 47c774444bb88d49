package com.schwabot.tensor.cuda;

import com.schwabot.tensor.CudaUnavailableException;
import jcuda.CudaException;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds and loads the tensor kernels into the current context: the CUDA C source on the classpath compiled with
 * NVRTC for the device's architecture, or, where NVRTC cannot be loaded or fails, the PTX that the build made with
 * nvcc (packaged only when the build machine had nvcc). Both are compiled with FMA contraction off.
 */
final class KernelModule
{
    static final String SOURCE = "/com/schwabot/tensor/cuda/tensor_kernels.cu";
    static final String PTX = "/com/schwabot/tensor/cuda/tensor_kernels.ptx";
    static final String SCORE = "score_kernel";
    static final String UPDATE = "update_kernel";
    static final String ROLLING_STATS = "rolling_stats_kernel";
    static final String SWEEP = "sweep_kernel";

    private static final Logger LOG = LoggerFactory.getLogger(KernelModule.class);
    /** JCuda's NVRTC binding links one major version of NVRTC (12 for JCuda 12.x), by versioned symbols. */
    private static final NativeLoadFailure NVRTC_LOAD_FAILURE = new NativeLoadFailure(
        "JCuda's NVRTC binding needs the NVRTC of that CUDA major version; another major version cannot stand in");

    private KernelModule()
    {
    }

    /**
     * Loads the module into the current context.
     *
     * @param major the device's compute capability, major.
     * @param minor the device's compute capability, minor.
     * @return the loaded module.
     * @throws CudaUnavailableException when neither NVRTC nor the packaged PTX gives a loadable module.
     */
    static CUmodule load(final int major, final int minor)
    {
        final String source = resource(SOURCE);
        if (source == null)
        {
            throw new CudaUnavailableException("CUDA kernel source " + SOURCE + " missing from the classpath", null);
        }
        String nvrtcFailure;
        try
        {
            final String ptx = compile(source, major, minor);
            return loadPtx(ptx);
        }
        catch (final CudaException ex)
        {
            nvrtcFailure = oneLine(ex);
        }
        catch (final LinkageError ex)
        {
            nvrtcFailure = NVRTC_LOAD_FAILURE.reason(ex);
        }
        final String ptx = resource(PTX);
        if (ptx == null)
        {
            throw new CudaUnavailableException(
                "cannot build the CUDA kernels: NVRTC failed (" + nvrtcFailure + ") and no build-time PTX is packaged",
                null);
        }
        try
        {
            final CUmodule module = loadPtx(ptx);
            LOG.info("CUDA kernels loaded from the build-time PTX (NVRTC unavailable: {})", nvrtcFailure);
            return module;
        }
        catch (final CudaException ex)
        {
            throw new CudaUnavailableException(
                "cannot load the CUDA kernels: NVRTC failed (" + nvrtcFailure + "), build-time PTX failed (" +
                oneLine(ex) + ")", ex);
        }
    }

    /**
     * Looks a kernel up in a loaded module.
     *
     * @param module the module.
     * @param name   the kernel name.
     * @return the function.
     */
    static CUfunction function(final CUmodule module, final String name)
    {
        final CUfunction function = new CUfunction();
        JCudaDriver.cuModuleGetFunction(function, module, name);
        return function;
    }

    private static String compile(final String source, final int major, final int minor)
    {
        JNvrtc.setExceptionsEnabled(true);
        final nvrtcProgram program = new nvrtcProgram();
        JNvrtc.nvrtcCreateProgram(program, source, "tensor_kernels.cu", 0, null, null);
        try
        {
            final String[] options = {"--gpu-architecture=compute_" + major + minor, "--fmad=false"};
            try
            {
                JNvrtc.nvrtcCompileProgram(program, options.length, options);
            }
            catch (final CudaException ex)
            {
                final String[] log = new String[1];
                JNvrtc.nvrtcGetProgramLog(program, log);
                throw new CudaException("NVRTC compile failed: " + ex.getMessage() + ": " + log[0], ex);
            }
            final String[] ptx = new String[1];
            JNvrtc.nvrtcGetPTX(program, ptx);
            return ptx[0];
        }
        finally
        {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }

    private static CUmodule loadPtx(final String ptx)
    {
        final byte[] text = ptx.getBytes(StandardCharsets.US_ASCII);
        final byte[] image = new byte[text.length + 1];
        System.arraycopy(text, 0, image, 0, text.length);
        final CUmodule module = new CUmodule();
        JCudaDriver.cuModuleLoadData(module, image);
        return module;
    }

    static String resource(final String name)
    {
        try (InputStream in = KernelModule.class.getResourceAsStream(name))
        {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    static String oneLine(final Throwable ex)
    {
        final String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        final String line = message.replace('\n', ' ').replace('\r', ' ').trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
