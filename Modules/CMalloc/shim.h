// glibc's allocator settings (malloc.h), which the Glibc module does not export.
#ifndef CCHC_CMALLOC_SHIM_H
#define CCHC_CMALLOC_SHIM_H

#if defined(__linux__)
#include <malloc.h>

#if defined(M_ARENA_MAX)
/// Caps the number of malloc heaps ("arenas"); call before other threads allocate. Returns 1 on success.
static inline int cchc_limit_malloc_arenas(int count) { return mallopt(M_ARENA_MAX, count); }
#endif
#endif

#endif
