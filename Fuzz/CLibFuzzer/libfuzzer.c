// The declaration in include/libfuzzer.h is all; compiler-rt defines the function.
