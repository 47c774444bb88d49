package com.schwabot.tensor.cuda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason one of JCuda's native bindings did not load, in one line. JCuda reports the first failure as an
 * UnsatisfiedLinkError whose message holds several nested stack traces, and every later attempt only as "Could not
 * initialize class ...", so the first failure is reduced to what is missing and remembered.
 * <p>
 * Thread-safe.
 */
final class NativeLoadFailure
{
    private static final Pattern MISSING_LIBRARY =
        Pattern.compile("([\\w.+-]+\\.so[\\w.]*): cannot open shared object");
    private static final String LINK_ERROR = "UnsatisfiedLinkError: ";

    private final String missingHint;
    private String first;

    /**
     * @param missingHint what a missing shared library means for this binding, e.g. "no CUDA driver on this machine".
     */
    NativeLoadFailure(final String missingHint)
    {
        this.missingHint = missingHint;
    }

    /**
     * The reason for the first failure seen, whatever the error passed now.
     *
     * @param error the error from the binding.
     * @return the missing library and the hint, else the innermost link error's message, in one line.
     */
    synchronized String reason(final LinkageError error)
    {
        if (first == null)
        {
            first = reduce(error);
        }
        return first;
    }

    private String reduce(final LinkageError error)
    {
        final String message = error.getMessage() == null ? "" : error.getMessage();
        final Matcher missing = MISSING_LIBRARY.matcher(message);
        if (missing.find())
        {
            return missing.group(1) + ": cannot open shared object file (" + missingHint + ")";
        }
        final int last = message.lastIndexOf(LINK_ERROR);
        if (last >= 0)
        {
            final String inner = message.substring(last + LINK_ERROR.length());
            final int end = inner.indexOf('\n');
            return KernelModule.oneLine(new UnsatisfiedLinkError(end < 0 ? inner : inner.substring(0, end)));
        }
        return KernelModule.oneLine(error);
    }
}
