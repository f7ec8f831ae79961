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

/// Writes `length` bytes to the file at `path` unless it already holds exactly those bytes.
/// An existing file is overwritten in place (creating a file costs far more than rewriting one
/// on most disks) and never synced: the site is synced once, before it is swapped in.
/// Returns 1 when written, 0 when the file was already identical, -1 with errno set on failure
/// (EISDIR when a folder is in the way).
int docgen_write_if_changed(const char *path, const void *bytes, size_t length);

/// Flushes the file system holding `path` to disk (Linux syncfs; fsync of `path` elsewhere).
/// Returns 0 on success, -1 with errno set.
int docgen_sync_file_system(const char *path);

/// Lowers the scheduling priority of the calling thread alone by `increment` nice levels (Linux
/// setpriority on the thread's id; a thread's nice value is its own there). Elsewhere, and on
/// failure, returns -1 with errno set and changes nothing.
int docgen_lower_thread_priority(int increment);

#endif
