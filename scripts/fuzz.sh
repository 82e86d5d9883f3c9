#!/usr/bin/env bash
# libFuzzer with AddressSanitizer over the package's readers of untrusted input (issue 18).
#
#   scripts/fuzz.sh build                    # the instrumented package, once, into .build-fuzz (about 8 minutes)
#   scripts/fuzz.sh TARGET [RUNS]            # RUNS inputs (default 1,000,000) over the seed corpus
#   scripts/fuzz.sh TARGET --seconds S       # as many inputs as S seconds allow
#   scripts/fuzz.sh all [RUNS | --seconds S] # every target, two at a time (.ci/run: --seconds 60)
#
# Targets (each an entry point in scripts/fuzz/, seeds in scripts/fuzz-corpus/<target>):
#   text-sanitizer  no control, ESC or bidi control reaches a cell; widths agree with wcwidth
#   error-bodies    bodies in no known shape (proxy pages), Retry-After, timestamps
#   member-pages    the member-page scanners agree with JSONDecoder, or hand the page over
#   wire-decoders   every provider's directory over a transport that answers with the input
#   toml            config.toml and theme files, with the profiles, key bindings and colours read from them
#   cli-args        the command line, reordered and parsed as orgtui does, nothing run
#
# The package is built once with coverage and AddressSanitizer (release, testable, so the entry points reach
# internal readers); each target links its entry point with those objects and libFuzzer's main. A crash, a trap,
# an out-of-memory or a hang stops the run with its input saved under .build-fuzz/runs/; new inputs the fuzzer finds
# go to .build-fuzz/runs/<target>-corpus, never into the repository's seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(text-sanitizer error-bodies member-pages wire-decoders toml cli-args)
scratch=.build-fuzz
products="$scratch/x86_64-unknown-linux-gnu/release"

build_package() {
    swift build --scratch-path "$scratch" -c release --target orgtui \
        -Xswiftc -enable-testing -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
        -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address 2>&1 |
        { grep -E "error|Compiling orgtui|complete" || true; }
    [[ -d "$products/orgtui.build" ]] || { echo "fuzz: the instrumented build failed" >&2; exit 1; }
}

# Links scripts/fuzz/<target>.swift with every object of the instrumented build (tools and tests aside).
link_target() {
    local target=$1 map name objects=() maps=()
    local -A seen=()
    # The build's own module maps first; packages with a hand-written one (in their include/) fill in the rest.
    while IFS= read -r map; do
        name=$(sed -n 's/^ *\(explicit \)\{0,1\}module \([A-Za-z0-9_]*\).*/\2/p' "$map" | head -1)
        [[ -z "$name" || -n "${seen[$name]:-}" ]] && continue
        seen[$name]=1
        maps+=(-Xcc "-fmodule-map-file=$map")
    done < <(find "$products" -maxdepth 2 -name module.modulemap; echo "$root/Sources/CNCursesW/module.modulemap"
        find -L "$scratch/checkouts" -path '*/Sources/*' -name module.modulemap)
    for dir in "$products"/*.build; do
        case "$dir" in *-tool.build | *Tests.build | */orgtui-bench.build | */ConsoleTesting.build) continue ;; esac
        while IFS= read -r -d '' object; do objects+=("$object"); done < <(find "$dir" -name '*.o' -print0)
    done
    mkdir -p "$scratch/runs"
    # (gold warns once per AddressSanitizer symbol it cannot export: noise, left out.)
    swiftc -sanitize=fuzzer,address -parse-as-library -O -I "$products/Modules" "${maps[@]}" \
        -module-name "FuzzTarget" "scripts/fuzz/$target.swift" "${objects[@]}" -lstdc++ -lncursesw \
        -o "$scratch/runs/$target" 2>&1 | { grep -v "Cannot export local symbol" || true; }
    [[ -x "$scratch/runs/$target" ]] || { echo "fuzz: $target did not link" >&2; exit 1; }
}

# Runs a linked target; its summary line goes to stdout, a failure to stderr with exit 1.
run_target() {
    local target=$1 runs=$2 seconds=$3 limit executed artifact
    cd "$scratch/runs"
    mkdir -p "$target-corpus"
    rm -f "$target"-crash-* "$target"-oom-* "$target"-timeout-*
    if [[ -n "$seconds" ]]; then limit=(-max_total_time="$seconds"); else limit=(-runs="$runs"); fi
    # Leak detection is off: Foundation's own caches (regular expressions, formatters) live for the process and read
    # as leaks, and TOMLKit leaks a little per parse (its error and key buffers). No allocation stacks are kept (a
    # third more inputs a second; rerun a saved input for a full report). The Swift backtracer is off: libFuzzer
    # prints the trap and keeps the input.
    ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 SWIFT_BACKTRACE=enable=no "./$target" "${limit[@]}" -timeout=10 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$target-" "$target-corpus" "$root/scripts/fuzz-corpus/$target" >"$target.log" 2>&1 || true
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$target.log" | tail -1)
    for artifact in "$target"-crash-* "$target"-oom-* "$target"-timeout-*; do
        if [[ -e "$artifact" ]]; then
            grep -E "Fatal error|ERROR|Assertion|SUMMARY" "$target.log" | head -5 >&2 || true
            echo "fuzz: $target failed after ${executed:-?} inputs; the input: $scratch/runs/$artifact" >&2
            exit 1
        fi
    done
    if [[ -z "$seconds" && "${executed:-0}" -lt "$runs" ]]; then
        echo "fuzz: $target stopped after ${executed:-0} of $runs inputs: see $scratch/runs/$target.log" >&2
        exit 1
    fi
    echo "fuzz: $target ran ${executed:-0} inputs, 0 crashes"
    cd "$root"
}

what="${1:?usage: scripts/fuzz.sh build | TARGET|all [RUNS | --seconds S]}"
runs=1000000
seconds=""
if [[ "${2:-}" == "--seconds" ]]; then seconds="${3:?--seconds needs a number}"; elif [[ -n "${2:-}" ]]; then runs=$2; fi

case "$what" in
build) build_package ;;
all)
    [[ -d "$products/orgtui.build" ]] || build_package
    for target in "${targets[@]}"; do
        rm -f "$scratch/runs/$target"
        link_target "$target"
    done
    # Two at a time (a fuzzer uses one core); the pair's failures are reported after both end.
    failed=0
    for ((index = 0; index < ${#targets[@]}; index += 2)); do
        pids=()
        for target in "${targets[@]:index:2}"; do
            run_target "$target" "$runs" "$seconds" &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    done
    exit "$failed"
    ;;
*)
    [[ " ${targets[*]} " == *" $what "* ]] || { echo "fuzz: unknown target $what (known: ${targets[*]})" >&2; exit 2; }
    [[ -d "$products/orgtui.build" ]] || build_package
    rm -f "$scratch/runs/$what"
    link_target "$what"
    run_target "$what" "$runs" "$seconds"
    ;;
esac
