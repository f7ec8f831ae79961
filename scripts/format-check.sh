#!/usr/bin/env bash
# Checks the Swift sources against .swift-format's rules with `swift format lint --strict`; exits 1
# and names file, line and rule for each finding. Run by scripts/test.sh, so CI runs it.
#
# Only the rules are checked, not the layout: --debug-disable-pretty-print turns off the
# pretty-printer's findings (line breaks, indentation), which the configuration cannot switch off
# one by one. The code indents multi-line string literals at the level of the line that opens them
# and keeps short one-line bodies (`{ a; b }`), which swift-format's printer would rewrite in about
# a thousand places; reformatting every file would collide with every open branch.
set -euo pipefail
cd "$(dirname "$0")/.."

swift format lint --strict --recursive --parallel --debug-disable-pretty-print \
    --configuration .swift-format \
    Sources Tests Benchmarks Fuzz Package.swift
