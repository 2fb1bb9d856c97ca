// glibc's malloc tuning for the benchmark driver (see missive-bench/main.swift). Elsewhere a no-op.
#pragma once
#include <stdlib.h>  // defines __GLIBC__ on glibc systems
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Keep freed memory at the top of the heap instead of returning it to the kernel when more
/// than `bytes` of it is free (glibc's M_TRIM_THRESHOLD, 128 KiB by default).
static inline void heap_tuning_keep_top(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}
