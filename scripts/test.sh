#!/usr/bin/env bash
# The whole test suite: the Swift tests (unit, golden, CLI, serve), then the browser suite,
# which builds content/ and drives headless Chromium over it.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
swift test --skip-build

swift build --product docgen
python3 Tests/browser/run_browser_tests.py --docgen .build/debug/docgen --output test-output
