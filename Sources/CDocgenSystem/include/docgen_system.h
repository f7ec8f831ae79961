#ifndef DOCGEN_SYSTEM_H
#define DOCGEN_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when unsupported or failed.
int docgen_exchange_paths(const char *first, const char *second);

#include <stddef.h>

/// Whether `needle` occurs in `haystack` (glibc memmem, which needs _GNU_SOURCE to be declared).
int docgen_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// The offset of the first occurrence of `needle` in `haystack` (glibc memmem), or -1.
long docgen_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
