#ifndef DOCGEN_SYSTEM_H
#define DOCGEN_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when unsupported or failed.
int docgen_exchange_paths(const char *first, const char *second);

#endif
