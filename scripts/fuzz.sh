#!/usr/bin/env bash
# Fuzzes docgen's parse, lint and render pipeline with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh build                       build both fuzz targets into .build-fuzz/release
#   scripts/fuzz.sh run page|site SECONDS [OPTION...]
#                                               fuzz one target, going on after crashes; the corpus
#                                               grows in .build-fuzz/corpus/TARGET, crashes land in
#                                               .build-fuzz/crashes/TARGET
#   scripts/fuzz.sh ci                          build, then 60 s per target; fails on the first crash
#
# Targets (Sources/DocgenFuzzing/FuzzInput.swift): `page` is one page of a fixed site, `site` a
# page, an include and a toc.yml. Seeds are made at fuzz time from content/, the kept crash
# reproducers and, for `run`, the folders in DOCGEN_FUZZ_SEEDS (default: ../shared/seeds and
# ../shared/corpus, when they exist). A crash's input is printed; keep it as a regression fixture
# in Tests/DocgenCommandLineTests/Fixtures/fuzz-crashes/TARGET/ (FuzzRegressionTests replays them).
# DOCGEN_FUZZ_SCRATCH names another build folder than .build-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=${DOCGEN_FUZZ_SCRATCH:-.build-fuzz}
fixtures=Tests/DocgenCommandLineTests/Fixtures/fuzz-crashes
export DOCGEN_FUZZ_TEMPLATES="$PWD/site-templates"
# Leak checking would report the Swift runtime's deliberate process-lifetime allocations.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"

build() {
    # Same packages as the normal build: start from its checkouts rather than making working
    # copies of every dependency again (minutes on a busy machine). SwiftPM checks them.
    if [ ! -d "$scratch/checkouts" ] && [ -d .build/checkouts ] && [ -f .build/workspace-state.json ]; then
        mkdir -p "$scratch"
        cp -a .build/checkouts .build/repositories .build/workspace-state.json "$scratch/"
    fi
    # DOCGEN_FUZZ=1 adds the fuzz executables to the package; they link libFuzzer's driver.
    # gold fails on these links (an internal error while reporting), so lld links them.
    for target in page site; do
        DOCGEN_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "docgen-fuzz-$target" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld 2>&1 \
            | grep -v -e "Cannot export local symbol" -e "unhandled; explicitly declare" -e "CMakeLists.txt" || true
        test -x "$scratch/release/docgen-fuzz-$target" || { echo "fuzz.sh: docgen-fuzz-$target did not build" >&2; exit 2; }
    done
}

# seeds TARGET EXTRA_FOLDER...: a fresh seed folder for TARGET, printed.
seeds() {
    local target=$1
    shift
    local out="$scratch/seeds"
    rm -rf "$out"
    python3 scripts/fuzz-seeds.py "$out" content "$@" >&2
    if [ -d "$fixtures/$target" ]; then cp "$fixtures/$target"/* "$out/$target/" 2>/dev/null || true; fi
    echo "$out/$target"
}

# fuzz TARGET SECONDS SEED_FOLDER [OPTION...]
fuzz() {
    local target=$1 seconds=$2 seed_folder=$3
    shift 3
    local corpus="$scratch/corpus/$target" crashes="$scratch/crashes/$target" work="$scratch/work/$target"
    mkdir -p "$corpus" "$crashes" "$work"
    local status=0
    DOCGEN_FUZZ_WORK="$PWD/$work" "$scratch/release/docgen-fuzz-$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 -dict=Fuzz/learn.dict \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$@" "$corpus" "$seed_folder" || status=$?
    rm -rf "$work"
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$crashes")" ]; then
        echo "fuzz.sh: docgen-fuzz-$target found inputs that crash, hang or run out of memory:" >&2
        ls -l "$crashes" >&2
        echo "Replay one with: DOCGEN_FUZZ_TEMPLATES=site-templates $scratch/release/docgen-fuzz-$target FILE" >&2
        return 1
    fi
}

case "${1:-}" in
build)
    build
    ;;
run)
    target=${2:?"usage: scripts/fuzz.sh run page|site SECONDS [OPTION...]"}
    seconds=${3:?"usage: scripts/fuzz.sh run page|site SECONDS [OPTION...]"}
    shift 3
    extra=()
    for folder in ${DOCGEN_FUZZ_SEEDS:-../shared/seeds ../shared/corpus}; do
        [ -e "$folder" ] && extra+=("$folder")
    done
    seed_folder=$(seeds "$target" "${extra[@]}")
    # Fork mode goes on after a crash, a hang or running out of memory, keeping each input.
    fuzz "$target" "$seconds" "$seed_folder" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 "$@"
    ;;
ci)
    build
    # A fresh corpus: CI measures this commit, not inputs grown on other code.
    rm -rf "$scratch/corpus" "$scratch/crashes"
    status=0
    for target in page site; do
        seed_folder=$(seeds "$target")
        fuzz "$target" 60 "$seed_folder" || status=1
    done
    exit $status
    ;;
*)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
