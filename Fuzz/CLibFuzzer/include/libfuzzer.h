#ifndef DOCGEN_LIBFUZZER_H
#define DOCGEN_LIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt), for a program that has its own main: SwiftPM names every
/// executable's entry point itself, so libFuzzer's main cannot be used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
