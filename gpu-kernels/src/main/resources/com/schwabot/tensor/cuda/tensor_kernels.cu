/*
 * Schwabot tensor kernels. The semantics (operation order included) are those of the Java reference backend:
 * every output element is computed by one thread, reducing sequentially in the same order as the CPU backend,
 * with explicitly rounded float intrinsics (__fadd_rn, __fmul_rn, ...) so that the compiler cannot contract a
 * multiply and an add into an FMA. Activations are evaluated in double and rounded to float, as Java does with
 * StrictMath. The results therefore match the CPU backend to within a few float ulps (see TensorTolerance).
 *
 * Layouts (row-major, float):
 *   features  [n][F]                x[i * F + f]
 *   weights   [F][K]                w[f * K + k]
 *   bias      [K]
 *   scores    [n][K]                s[i * K + k]
 *   outcomes  [n]
 *   window    [W][stride][F]        slot-major ring of rows, stride = the window's max instruments
 *   sweep     weights [V][F][K], bias [V][K], scores [V][stride][K]
 *
 * Compiled at run time by NVRTC (JCuda backend) and checked at build time with nvcc --ptx when nvcc is present.
 * No #include: NVRTC gets this file alone.
 */

#define ACT_IDENTITY 0
#define ACT_TANH 1
#define ACT_SIGMOID 2

__device__ __forceinline__ float activate(const float x, const int act)
{
    if (act == ACT_TANH)
    {
        return (float)tanh((double)x);
    }
    if (act == ACT_SIGMOID)
    {
        return (float)(1.0 / (1.0 + exp(-(double)x)));
    }
    return x;
}

/* The derivative of the activation, from its output s. */
__device__ __forceinline__ float derivative(const float s, const int act)
{
    if (act == ACT_TANH)
    {
        return __fsub_rn(1.0f, __fmul_rn(s, s));
    }
    if (act == ACT_SIGMOID)
    {
        return __fmul_rn(s, __fsub_rn(1.0f, s));
    }
    return 1.0f;
}

/* One dot product in the fixed order: bias first, then f = 0 .. F-1. */
__device__ __forceinline__ float dot(
    const float* __restrict__ x, const float* __restrict__ w, const float b, const int F, const int K, const int k)
{
    float acc = b;
    for (int f = 0; f < F; f++)
    {
        acc = __fadd_rn(acc, __fmul_rn(x[f], w[f * K + k]));
    }
    return acc;
}

/* scores = act(features . weights + bias); one thread per (i, k), n * K threads. */
extern "C" __global__ void score_kernel(
    const float* __restrict__ features,
    const float* __restrict__ weights,
    const float* __restrict__ bias,
    float* __restrict__ scores,
    const int n,
    const int F,
    const int K,
    const int act)
{
    const int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= n * K)
    {
        return;
    }
    const int i = idx / K;
    const int k = idx - i * K;
    scores[idx] = activate(dot(features + i * F, weights, bias[k], F, K, k), act);
}

/*
 * Weight update; one thread per (f, k) for f in 0 .. F, row F being the bias (its input is 1).
 *   acc   = sum over i = 0 .. n-1, in order, of (outcome[i] * x[i][f]) * act'(score[i][k])
 *   w'    = w + lr * acc; NaN keeps the old weight; clipped to [-bound, bound].
 */
extern "C" __global__ void update_kernel(
    const float* __restrict__ features,
    const float* __restrict__ scores,
    const float* __restrict__ outcomes,
    float* __restrict__ weights,
    float* __restrict__ bias,
    const int n,
    const int F,
    const int K,
    const int act,
    const float lr,
    const float bound)
{
    const int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= (F + 1) * K)
    {
        return;
    }
    const int f = idx / K;
    const int k = idx - f * K;
    float acc = 0.0f;
    for (int i = 0; i < n; i++)
    {
        const float x = f < F ? features[i * F + f] : 1.0f;
        const float g = derivative(scores[i * K + k], act);
        acc = __fadd_rn(acc, __fmul_rn(__fmul_rn(outcomes[i], x), g));
    }
    float* const target = f < F ? &weights[idx] : &bias[k];
    const float old = *target;
    float updated = __fadd_rn(old, __fmul_rn(lr, acc));
    if (updated != updated)
    {
        updated = old;
    }
    if (updated > bound)
    {
        updated = bound;
    }
    else if (updated < -bound)
    {
        updated = -bound;
    }
    *target = updated;
}

/*
 * Rolling mean and population variance of each (instrument, feature) over the rows in the ring, oldest to newest
 * (two passes); one thread per (i, f), n * F threads. head is the slot the next row will be written to.
 */
extern "C" __global__ void rolling_stats_kernel(
    const float* __restrict__ window,
    float* __restrict__ mean,
    float* __restrict__ variance,
    const int n,
    const int F,
    const int stride,
    const int W,
    const int head,
    const int count)
{
    const int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= n * F)
    {
        return;
    }
    if (count == 0)
    {
        mean[idx] = 0.0f;
        variance[idx] = 0.0f;
        return;
    }
    const int oldest = (head - count + W) % W;
    const float c = (float)count;
    float sum = 0.0f;
    for (int j = 0; j < count; j++)
    {
        const int slot = (oldest + j) % W;
        sum = __fadd_rn(sum, window[slot * stride * F + idx]);
    }
    const float m = __fdiv_rn(sum, c);
    float sq = 0.0f;
    for (int j = 0; j < count; j++)
    {
        const int slot = (oldest + j) % W;
        const float d = __fsub_rn(window[slot * stride * F + idx], m);
        sq = __fadd_rn(sq, __fmul_rn(d, d));
    }
    mean[idx] = m;
    variance[idx] = __fdiv_rn(sq, c);
}

/* K-output scoring for V weight variants over the same features; one thread per (v, i, k), V * n * K threads. */
extern "C" __global__ void sweep_kernel(
    const float* __restrict__ features,
    const float* __restrict__ weights,
    const float* __restrict__ bias,
    float* __restrict__ scores,
    const int n,
    const int F,
    const int K,
    const int V,
    const int stride,
    const int act)
{
    const int idx = blockIdx.x * blockDim.x + threadIdx.x;
    const int perVariant = n * K;
    if (idx >= V * perVariant)
    {
        return;
    }
    const int v = idx / perVariant;
    const int rest = idx - v * perVariant;
    const int i = rest / K;
    const int k = rest - i * K;
    const float s = dot(features + i * F, weights + v * F * K, bias[v * K + k], F, K, k);
    scores[(v * stride + i) * K + k] = activate(s, act);
}
