#!/usr/bin/env python3
"""Scaling benchmark: every pass over a page must be linear in its size.

Generates each pathological page shape at three sizes (x, 4x, 16x), times `docgen build` and
`docgen lint` on a content folder holding just that page, and reports every shape where 4x the
input (in bytes) costs more than 8x the time, after subtracting the time of an empty page (the
start-up cost); times under 50 ms count as 50 ms and costs under 0.3 s are never reported, as
noise on a shared machine. A run that passes the time limit counts as superlinear.

    swift build -c release --product docgen
    python3 Benchmarks/scaling.py [--docgen .build/release/docgen] [--only SHAPE,...] [--scale 0.5]

Prints one line per shape, size and command: bytes, wall seconds, peak memory (the child's
ru_maxrss, which on Linux counts the benchmark's own memory at fork: small values are a floor). Exit status 1
when a shape scales worse than 8x per 4x of input.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

FRONT = "---\ntitle: Scaling page\ndescription: A generated page that checks how docgen scales with the size of its input.\nms.date: 01/01/2026\n---\n\n# Scaling page\n\n"


def repeat(unit, n):
    return unit * n


def deep_list(n):
    return FRONT + "- " * n + "x\n"


def deep_quote(n):
    return FRONT + ">" * n + " x\n"


def deep_list_lines(n):
    # One list level per line, each indented under the previous item.
    return FRONT + "".join("  " * i + "- item\n" for i in range(n))


def quote_lazy(n):
    # A 100-deep quote continued by n lazy lines.
    return FRONT + ">" * 100 + " start\n" + "more text\n" * n


def table_rows(n):
    return FRONT + "| a | b | c |\n| --- | --- | --- |\n" + "| 1 | 2 | 3 |\n" * n + "\n"


def table_columns(n):
    header = "|" + "".join(f" c{i} |" for i in range(n)) + "\n"
    rule = "|" + " --- |" * n + "\n"
    row = "|" + " x |" * n + "\n"
    return FRONT + header + rule + row * 10 + "\n"


def table_wide_header(n):
    # A wide header and one-cell rows: cmark-gfm pads every row to the header's width.
    return FRONT + "|" + " a |" * n + "\n" + "|" + "-|" * n + "\n" + "|x|\n" * n + "\n"


def front_matter_keys(n):
    keys = "".join(f"key{i}: value {i}\n" for i in range(n))
    return "---\ntitle: Scaling page\ndescription: A generated page that checks how docgen scales with the size of its input.\nms.date: 01/01/2026\n" + keys + "---\n\n# Scaling page\n\nText.\n"


def includes(n):
    return FRONT + "[!INCLUDE [shared](includes/shared.md)]\n\n" * n


def inline_includes(n):
    return FRONT + "Text [!INCLUDE [shared](includes/shared.md)] " * n + "\n"


# name: (generator of page text for a size, base size x)
SHAPES = {
    "line-no-spaces": (lambda n: FRONT + "x" * n + "\n", 640_000),
    "line-spaces": (lambda n: FRONT + "word " * (n // 5) + "\n", 640_000),
    "paragraph-lines": (lambda n: FRONT + "A line of a long paragraph\n" * n, 5_000),
    "headings-identical": (lambda n: FRONT + "## Same heading\n\nText.\n\n" * n, 1_250),
    "headings-distinct": (lambda n: FRONT + "".join(f"## Heading {i}\n\nText.\n\n" for i in range(n)), 1_250),
    "headings-setext": (lambda n: FRONT + "Same heading\n------------\n\n" * n, 1_250),
    "table-rows": (table_rows, 1_250),
    "table-columns": (table_columns, 125),
    "table-wide-header": (table_wide_header, 500),
    "links-one-missing-anchor": (lambda n: FRONT + "See [the part](#missing-part).\n" * n, 2_500),
    "links-distinct-anchors": (lambda n: FRONT + "".join(f"See [part {i}](#missing-part-{i}).\n" for i in range(n)), 2_500),
    "links-one-line": (lambda n: FRONT + "[a](b.md) " * n + "\n", 2_500),
    "list-deep-one-line": (deep_list, 250),
    "list-deep-indented": (deep_list_lines, 250),
    "quote-deep": (deep_quote, 250),
    "quote-deep-lazy-lines": (quote_lazy, 5_000),
    "zones-closed": (lambda n: FRONT + ':::zone pivot="a"\n\nText.\n\n:::zone-end\n\n' * n, 500),
    "zones-unclosed": (lambda n: FRONT + ':::zone pivot="a"\n\nText.\n\n' * n, 500),
    "zones-unclosed-lines": (lambda n: FRONT + ':::zone pivot="a"\n' * n, 2_500),
    "monikers-unclosed": (lambda n: FRONT + '::: moniker range="a"\n' * n, 3_000),
    "images-unclosed": (lambda n: FRONT + ':::image type="complex" source="a.png" alt-text="A":::\n\nText.\n\n' * n, 500),
    "zone-ends-unmatched": (lambda n: FRONT + ':::zone pivot="a"\n' * 100 + ":::moniker-end:::\n" * n, 2_500),
    "includes": (includes, 500),
    "includes-inline": (inline_includes, 500),
    "emphasis-openers": (lambda n: FRONT + "*a " * n + "\n", 5_000),
    "emphasis-mixed": (lambda n: FRONT + "*_a**__ " * n + "\n", 2_500),
    "emphasis-run": (lambda n: FRONT + "*" * n + "a" + "_" * n + "\n", 25_000),
    "front-matter-keys": (front_matter_keys, 2_500),
    "bang-brackets-one-line": (lambda n: FRONT + "[!" * n + "\n", 2_000),
    "video-one-line": (lambda n: FRONT + "[!VIDEO https://x] " * n + "\n", 500),
    "video-quotes": (lambda n: FRONT + "> [!VIDEO https://example.com/v]\n\n" * n, 1_250),
    "non-ascii-emphasis-line": (lambda n: FRONT + "é *a* " * n + "\n", 2_500),
    "non-ascii-links-line": (lambda n: FRONT + "é [a](b.md) " * n + "\n", 2_500),
    "repeated-words": (lambda n: FRONT + "the " * n + "\n", 25_000),
    "no-loc-one-line": (lambda n: FRONT + ':::no-loc text="x"::: ' * n + "\n", 1_250),
    "inline-images-one-line": (lambda n: FRONT + ':::image type="icon" source="a.png"::: ' * n + "\n", 1_250),
    "tabs": (lambda n: FRONT + "".join(f"# [Tab {i}](#tab/t{i})\n\nText.\n\n" for i in range(n)) + "---\n", 1_250),
    "code-spans-one-line": (lambda n: FRONT + "`a` :::x " * n + "\n", 2_500),
    "backtick-runs-one-line": (lambda n: FRONT + "".join("`" * (i % 200 + 1) + " :::x " for i in range(n)) + "\n", 500),
    "directives-in-indented-code": (lambda n: FRONT + "Text.\n\n" + '    :::zone pivot="a"\n' * n, 2_500),
    "suppressed-findings": (lambda n: FRONT + "<!-- docgen-disable-next-line broken-link -->\nSee [a](missing.md).\n" * n, 1_250),
}

BUILD_CONFIG = "site:\n  title: Scaling\n  description: Generated pages for the scaling benchmark.\n"


def write_content(folder, text):
    os.makedirs(os.path.join(folder, "includes"), exist_ok=True)
    os.makedirs(os.path.join(folder, "media"), exist_ok=True)
    with open(os.path.join(folder, "docgen.yml"), "w") as f:
        f.write(BUILD_CONFIG)
    with open(os.path.join(folder, "includes", "shared.md"), "w") as f:
        f.write("Shared text with a [link](../page.md) and **bold**.\n")
    with open(os.path.join(folder, "media", "a.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    with open(os.path.join(folder, "page.md"), "w", encoding="utf-8") as f:
        f.write(text)


def run(command, limit):
    """Wall seconds and peak RSS (MiB) of one command; seconds is None past `limit`."""
    start = time.monotonic()
    # Findings go to a file: a pipe read only at the end would fill and stop docgen.
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    deadline = start + limit
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            errors.close()
            return None, None, "time limit"
        time.sleep(0.005)
    elapsed = time.monotonic() - start
    errors.seek(0)
    stderr = errors.read().decode("utf-8", "replace")
    errors.close()
    crashed = os.WIFSIGNALED(status) or (os.WIFEXITED(status) and os.WEXITSTATUS(status) > 2)
    note = ""
    if crashed:
        note = "CRASH " + (stderr.strip().splitlines() or ["signal"])[-1][:80]
    return elapsed, usage.ru_maxrss / 1024, note


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docgen", default=".build/release/docgen")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is stopped")
    args = parser.parse_args()
    docgen = os.path.abspath(args.docgen)
    names = [n for n in args.only.split(",") if n] or list(SHAPES)
    work = tempfile.mkdtemp(prefix="docgen-scaling-")
    templates = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "site-templates")
    try:
        commands = {
            "build": lambda folder: [docgen, "build", folder, "--output", os.path.join(work, "site"), "--templates", templates, "-q", "--no-cache"],
            "lint": lambda folder: [docgen, "lint", os.path.join(folder, "page.md"), "--format", "json", "-q"],
        }
        empty = os.path.join(work, "empty")
        write_content(empty, FRONT + "Text.\n")
        baseline = {}
        for command, make in commands.items():
            baseline[command] = min(run(make(empty), args.limit)[0] for _ in range(3))
        print(f"docgen: {docgen}; {os.cpu_count()} cores; start-up (empty page): "
              + ", ".join(f"{c} {t:.3f} s" for c, t in baseline.items()))
        print(f"{'shape':28} {'size':>9} {'bytes':>11}  {'build s':>8} {'MiB':>6}  {'lint s':>8} {'MiB':>6}  note")
        flagged = []
        for name in names:
            generate, base = SHAPES[name]
            base = max(1, int(base * args.scale))
            times = {c: [] for c in commands}
            sizes = []
            for factor in (1, 4, 16):
                size = base * factor
                folder = os.path.join(work, f"{name}-{size}")
                text = generate(size)
                sizes.append(len(text.encode()))
                write_content(folder, text)
                cells = []
                notes = []
                for command, make in commands.items():
                    seconds, mib, note = run(make(folder), args.limit)
                    times[command].append(seconds)
                    cells.append(f"{seconds:8.2f} {mib:6.0f}" if seconds is not None else f"{'>' + str(int(args.limit)):>8} {'-':>6}")
                    if note:
                        notes.append(f"{command}: {note}")
                shutil.rmtree(folder)
                print(f"{name:28} {size:>9} {len(text.encode()):>11}  {cells[0]}  {cells[1]}  {'; '.join(notes)}", flush=True)
                if any(t is None for c in commands for t in times[c][-1:]):
                    break
            for command in commands:
                series = times[command]
                if series[0] is None:
                    flagged.append(f"{name} ({command}): stopped at the smallest size")
                for index, (small, large) in enumerate(zip(series, series[1:])):
                    if small is None:
                        break
                    # Input measured in bytes (a shape's size is not always proportional to
                    # them); times below the start-up cost and 50 ms are noise on a shared machine.
                    growth = sizes[index + 1] / sizes[index]
                    cost = None if large is None else large - baseline[command]
                    if cost is None or (cost > 0.3 and cost > 2 * growth * max(small - baseline[command], 0.05)):
                        flagged.append(f"{name} ({command}): " + " -> ".join("stopped" if t is None else f"{t:.2f} s" for t in series))
                        break
        print()
        if flagged:
            print("Superlinear (4x the input costs more than 8x the time):")
            for line in flagged:
                print("  " + line)
        else:
            print("No shape costs more than 8x the time for 4x the input.")
        return 1 if flagged else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
