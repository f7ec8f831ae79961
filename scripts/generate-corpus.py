#!/usr/bin/env python3
"""Generates a large Learn-style corpus for benchmarks: whole copies of docgen's bundled
content/, the seed drafts (as .md) and the real azure-docs-cli doc set, repeated as
self-contained folders (set-0001/, set-0002/, ...) until the page count is reached, so every
relative link, include and image in a copy still resolves inside it.

    python3 scripts/generate-corpus.py 10000 bench-corpus
"""
import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ("content", ROOT / "content"),
    ("seeds", ROOT.parent / "shared" / "seeds"),
    ("azure-docs-cli", ROOT.parent / "shared" / "corpus" / "azure-docs-cli"),
]


def source_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def page_count(folder: Path) -> int:
    return sum(1 for path in source_files(folder) if path.suffix in (".md", ".txt") and "includes" not in path.parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", type=int, help="how many pages to generate (at least)")
    parser.add_argument("output", help="the folder to create (replaced if it exists)")
    args = parser.parse_args()

    sources = [(name, folder) for name, folder in SOURCES if folder.is_dir()]
    if not sources:
        print("generate-corpus: no source folders found", file=sys.stderr)
        return 2
    output = Path(args.output)
    if output.exists():
        shutil.rmtree(output)
    output.mkdir(parents=True)
    if (ROOT / "content" / "docgen.yml").exists():
        config = (ROOT / "content" / "docgen.yml").read_text()
        # The copies are drafts of many teams; keep the roles and layers, relax nothing else.
        (output / "docgen.yml").write_text(config)

    written = 0
    copy = 0
    while written < args.pages:
        name, folder = sources[copy % len(sources)]
        copy += 1
        target = output / f"set-{copy:04d}-{name}"
        for path in source_files(folder):
            relative = path.relative_to(folder)
            if relative.name in ("docgen.yml", "toc.yml", "docfx.json", "LICENSE"):
                continue
            if path.suffix == ".txt":
                relative = relative.with_suffix(".md")
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in (".md", ".txt", ".yml"):
                destination.write_bytes(path.read_bytes())
            else:
                # Media is large and identical across copies: link instead of copying.
                os.link(path, destination) if same_device(path, output) else shutil.copyfile(path, destination)
        written += page_count(folder)
    print(f"{written} pages in {copy} copies under {output}/")
    return 0


def same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


if __name__ == "__main__":
    sys.exit(main())
