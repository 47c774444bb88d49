#!/usr/bin/env bash
# Compile-checks the CUDA sources with nvcc when nvcc is on the PATH; says it skipped the check otherwise.
# Usage: check-cuda.sh <source.cu> <output.ptx>
# The PTX it writes is packaged next to the source as a fallback for hosts without NVRTC; it is never committed.
set -euo pipefail

source_file="$1"
ptx_file="$2"
# compute_75 (Turing) is the oldest architecture nvcc 13 still accepts; PTX for it JIT-compiles on newer GPUs.
arch="${SCHWABOT_CUDA_ARCH:-compute_75}"

if ! command -v nvcc > /dev/null 2>&1
then
    echo "[gpu-kernels] nvcc not found on the PATH: skipped the CUDA compile check of $(basename "${source_file}")"
    exit 0
fi

mkdir -p "$(dirname "${ptx_file}")"
echo "[gpu-kernels] nvcc $(nvcc --version | sed -n 's/.*release \([0-9.]*\).*/\1/p'): checking $(basename "${source_file}") (-arch=${arch})"
nvcc --ptx -arch="${arch}" -fmad=false --Werror all-warnings -x cu "${source_file}" -o "${ptx_file}"
echo "[gpu-kernels] CUDA sources compile: $(grep -c '\.entry' "${ptx_file}") kernels in $(basename "${ptx_file}")"
