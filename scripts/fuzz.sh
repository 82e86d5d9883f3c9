#!/usr/bin/env bash
# Builds a libFuzzer target with AddressSanitizer and runs it over the seed corpus in the repository.
#
#   scripts/fuzz.sh text-sanitizer [RUNS]   # RUNS inputs (default 1,000,000); a crash stops it with its input saved
#   scripts/fuzz.sh error-bodies [RUNS]     # bodies in no known shape (proxy pages), Retry-After, timestamps
#
# A fuzzer build cannot link the package's debug objects, so a target compiles its module's sources with its entry
# point into one executable under .build/fuzz/. New inputs the fuzzer finds go to .build/fuzz/<target>-corpus, never
# into the repository's seed corpus (scripts/fuzz-corpus/<target>).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:?usage: scripts/fuzz.sh text-sanitizer|error-bodies [RUNS]}"
runs="${2:-1000000}"
case "$target" in
text-sanitizer)
    sources=$(find Sources/TUIKit -name '*.swift')
    entry=scripts/fuzz-text-sanitizer.swift
    ;;
error-bodies)
    sources=$(find Sources/APICore -name '*.swift')
    entry=scripts/fuzz-error-bodies.swift
    ;;
*)
    echo "fuzz: unknown target $target (known: text-sanitizer, error-bodies)" >&2
    exit 2
    ;;
esac

mkdir -p .build/fuzz ".build/fuzz/$target-corpus"
# shellcheck disable=SC2086 # the source list is split on purpose
# (gold warns once per AddressSanitizer symbol it cannot export: noise, left out.)
swiftc -sanitize=fuzzer,address -parse-as-library -O -package-name orgtui -module-name FuzzTarget $sources "$entry" \
    -o ".build/fuzz/$target" 2>&1 | { grep -v "Cannot export local symbol" || true; }
cd .build/fuzz
# Leak detection is off: Foundation's own caches (regular expressions, formatters) live for the process and read as
# leaks; a crash, an out-of-memory or a hang still stops the run.
rm -f "$target"-crash-* "$target"-oom-* "$target"-timeout-*
"./$target" -runs="$runs" -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$target-" "$target-corpus" \
    "../../scripts/fuzz-corpus/$target" >"$target.log" 2>&1 || true
grep -E "^(Done|==[0-9]+==ERROR|SUMMARY)" "$target.log" || true
executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$target.log" | tail -1)
for artifact in "$target"-crash-* "$target"-oom-* "$target"-timeout-*; do
    if [[ -e "$artifact" ]]; then
        echo "fuzz: $target found a failing input after ${executed:-?} inputs: .build/fuzz/$artifact" >&2
        exit 1
    fi
done
if [[ "${executed:-0}" -lt "$runs" ]]; then
    echo "fuzz: $target stopped after ${executed:-0} of $runs inputs: see .build/fuzz/$target.log" >&2
    exit 1
fi
echo "fuzz: $target ran $executed inputs, 0 crashes"
