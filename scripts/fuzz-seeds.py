#!/usr/bin/env python3
"""Writes the seed inputs of docgen's two fuzz targets from folders of Markdown.

  python3 scripts/fuzz-seeds.py OUT SOURCE...

OUT/page/ gets every .md and .txt file under the SOURCE folders (one page each). OUT/site/ gets,
for each page, a tiny-site input (see Sources/DocgenFuzzing/FuzzInput.swift): the page with its
[!INCLUDE] paths pointed at includes/part.md, the first file it includes (or an include from the
same doc set), and the nearest toc.yml, joined by the ASCII unit separator. Files larger than
--max-size bytes are left out: the fuzzer truncates inputs to that length anyway.
"""
import argparse
import hashlib
import os
import re
import sys

SEPARATOR = b"\x1f"
INCLUDE = re.compile(rb"(\[!INCLUDE\s*\[[^\]\n]*\]\()([^)\s]+)(\))", re.IGNORECASE)


def markdown_files(source):
    if os.path.isfile(source):
        yield source
        return
    for folder, subfolders, names in os.walk(source):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d != "_site")
        for name in sorted(names):
            if name.endswith((".md", ".txt")):
                yield os.path.join(folder, name)


def nearest_toc(path, stop):
    folder = os.path.dirname(os.path.abspath(path))
    stop = os.path.abspath(stop)
    while True:
        for name in ("toc.yml", "TOC.yml"):
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        if folder == stop or os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)


def write(folder, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--max-size", type=int, default=65536)
    arguments = parser.parse_args()
    page_folder = os.path.join(arguments.out, "page")
    site_folder = os.path.join(arguments.out, "site")
    os.makedirs(page_folder, exist_ok=True)
    os.makedirs(site_folder, exist_ok=True)
    counts = [0, 0]
    for source in arguments.sources:
        if not os.path.exists(source):
            print(f"fuzz-seeds: {source} does not exist; skipped", file=sys.stderr)
            continue
        files = list(markdown_files(source))
        includes = [f for f in files if "/includes/" in f.replace(os.sep, "/")]
        for path in files:
            with open(path, "rb") as handle:
                page = handle.read()
            if len(page) > arguments.max_size:
                continue
            write(page_folder, page)
            counts[0] += 1
            if path in includes:
                continue
            include = b"Included text with a [link](../other.md#a-section).\n"
            match = INCLUDE.search(page)
            target = os.path.normpath(os.path.join(os.path.dirname(path), match.group(2).decode("utf-8", "replace"))) if match else None
            if target and os.path.isfile(target):
                with open(target, "rb") as handle:
                    include = handle.read()
            elif includes:
                with open(includes[counts[1] % len(includes)], "rb") as handle:
                    include = handle.read()
            page = INCLUDE.sub(rb"\1includes/part.md\3", page)
            toc_path = nearest_toc(path, source if os.path.isdir(source) else os.path.dirname(source))
            toc = b"- name: Page\n  href: page.md\n- name: Other\n  href: other.md\n"
            if toc_path:
                with open(toc_path, "rb") as handle:
                    toc = handle.read()
            data = page + SEPARATOR + include + SEPARATOR + toc
            if len(data) <= arguments.max_size:
                write(site_folder, data)
                counts[1] += 1
    print(f"fuzz-seeds: {counts[0]} page seeds, {counts[1]} site seeds in {arguments.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
