#!/usr/bin/env bash
# The whole test suite: the style check, the Swift tests (unit, golden, CLI, serve), a minute of
# fuzzing per fuzz target, then the browser suite, which builds content/ and drives headless
# Chromium over it.
set -euo pipefail
cd "$(dirname "$0")/.."

# swift-format's rules over the Swift sources (.swift-format); fails first, before the long build.
bash scripts/format-check.sh

swift build --build-tests
# The serve suites run on their own, after the rest. Their servers answer on Swift's cooperative
# thread pool, which has one thread per core; beside the long synchronous tests of the other suites
# on a two-core machine they could wait a minute for a thread, and their timeouts are the point.
swift test --skip-build --skip 'DocgenCommandLineTests\.Serve'
swift test --skip-build --filter 'DocgenCommandLineTests\.Serve'

# libFuzzer with AddressSanitizer over parse, lint and render, 60 s per target; fails on a crash,
# a hang or running out of memory, and names the input to keep (see scripts/fuzz.sh).
bash scripts/fuzz.sh ci

swift build --product docgen
python3 Tests/browser/run_browser_tests.py --docgen .build/debug/docgen --output test-output
