#!/usr/bin/env bash
# Builds a libFuzzer target with AddressSanitizer and runs it over the seed corpus in the repository.
#
#   scripts/fuzz.sh text-sanitizer [RUNS]   # RUNS inputs (default 1,000,000); a crash stops it with its input saved
#
# A fuzzer build cannot link the package's debug objects, so a target compiles its module's sources with its entry
# point into one executable under .build/fuzz/. New inputs the fuzzer finds go to .build/fuzz/<target>-corpus, never
# into the repository's seed corpus (scripts/fuzz-corpus/<target>).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:?usage: scripts/fuzz.sh text-sanitizer [RUNS]}"
runs="${2:-1000000}"
case "$target" in
text-sanitizer)
    sources=$(find Sources/TUIKit -name '*.swift')
    entry=scripts/fuzz-text-sanitizer.swift
    ;;
*)
    echo "fuzz: unknown target $target (known: text-sanitizer)" >&2
    exit 2
    ;;
esac

mkdir -p .build/fuzz ".build/fuzz/$target-corpus"
# shellcheck disable=SC2086 # the source list is split on purpose
# (gold warns once per AddressSanitizer symbol it cannot export: noise, left out.)
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FuzzTarget $sources "$entry" \
    -o ".build/fuzz/$target" 2>&1 | { grep -v "Cannot export local symbol" || true; }
cd .build/fuzz
"./$target" -runs="$runs" -print_final_stats=1 "$target-corpus" "../../scripts/fuzz-corpus/$target" 2>&1 |
    grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
# libFuzzer exits non-zero on a crash; with pipefail the pipeline above would hide the status, so ask again.
if ls crash-* oom-* leak-* timeout-* >/dev/null 2>&1; then
    echo "fuzz: $target found a failing input: $(ls crash-* oom-* leak-* timeout-* 2>/dev/null | head -1)" >&2
    exit 1
fi
echo "fuzz: $target ran $runs inputs, 0 crashes"
