#!/usr/bin/env bash
# The whole test suite: the style check, the Swift tests (unit, golden, CLI, serve), a minute of
# fuzzing per fuzz target, then the browser suite, which builds content/ and drives headless
# Chromium over it.
set -euo pipefail
cd "$(dirname "$0")/.."

# swift-format's rules over the Swift sources (.swift-format); fails first, before the long build.
bash scripts/format-check.sh

swift build --build-tests
swift test --skip-build

# libFuzzer with AddressSanitizer over parse, lint and render, 60 s per target; fails on a crash,
# a hang or running out of memory, and names the input to keep (see scripts/fuzz.sh).
bash scripts/fuzz.sh ci

swift build --product docgen
python3 Tests/browser/run_browser_tests.py --docgen .build/debug/docgen --output test-output
