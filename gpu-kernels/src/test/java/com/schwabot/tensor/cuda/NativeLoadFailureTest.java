package com.schwabot.tensor.cuda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLoadFailureTest
{
    private static final String HEADER = "Error while loading native library \"JNvrtc-12.6.0-linux-x86_64\"\n" +
        "Operating system name: Linux\nArchitecture         : amd64\nArchitecture bit size: 64\n" +
        "---(start of nested stack traces)---\n" +
        "Stack trace from the attempt to load the library as a file:\n" +
        "java.lang.UnsatisfiedLinkError: no JNvrtc-12.6.0-linux-x86_64 in java.library.path: /usr/lib\n" +
        "\tat java.base/java.lang.ClassLoader.loadLibrary(ClassLoader.java:2458)\n" +
        "Stack trace from the attempt to load the library as a resource:\n";
    private static final String FOOTER = "\n\tat java.base/java.lang.Runtime.load0(Runtime.java:755)\n" +
        "---(end of nested stack traces)---\n";

    @Test
    void shouldNameTheMissingLibraryWithTheHint()
    {
        final NativeLoadFailure failure = new NativeLoadFailure("needs CUDA 12 NVRTC");
        final String reason = failure.reason(new UnsatisfiedLinkError(HEADER +
            "java.lang.UnsatisfiedLinkError: /tmp/libJNvrtc-12.6.0-linux-x86_64.so: libnvrtc.so.12: " +
            "cannot open shared object file: No such file or directory" + FOOTER));

        assertThat(reason).isEqualTo("libnvrtc.so.12: cannot open shared object file (needs CUDA 12 NVRTC)");
    }

    @Test
    void shouldGiveTheInnermostLinkErrorOtherwise()
    {
        final NativeLoadFailure failure = new NativeLoadFailure("hint");
        final String reason = failure.reason(new UnsatisfiedLinkError(HEADER +
            "java.lang.UnsatisfiedLinkError: /tmp/libJNvrtc-12.6.0-linux-x86_64.so: /tmp/x/libnvrtc.so.12: " +
            "version `libnvrtc.so.12' not found (required by /tmp/libJNvrtc-12.6.0-linux-x86_64.so)" + FOOTER));

        assertThat(reason).isEqualTo("/tmp/libJNvrtc-12.6.0-linux-x86_64.so: /tmp/x/libnvrtc.so.12: " +
            "version `libnvrtc.so.12' not found (required by /tmp/libJNvrtc-12.6.0-linux-x86_64.so)");
    }

    @Test
    void shouldKeepTheFirstReasonWhenLaterAttemptsOnlySayTheClassFailed()
    {
        final NativeLoadFailure failure = new NativeLoadFailure("no CUDA driver on this machine");
        failure.reason(new UnsatisfiedLinkError(
            "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver.so: libcuda.so.1: cannot open shared object file"));

        final String later =
            failure.reason(new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver"));

        assertThat(later).isEqualTo("libcuda.so.1: cannot open shared object file (no CUDA driver on this machine)");
    }
}
