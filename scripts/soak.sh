#!/usr/bin/env bash
# Soak (issue 18): the real console in tmux against a demo server with 100,000 members, driven for MINUTES minutes
# (default 10) by a scripted session: a refresh every second, and in turn scrolling, pane switches, a filter,
# drilling into the big account and out again. Samples the console's resident memory and open file descriptors
# every 10 seconds and prints them, then start / peak / end.
#
#   scripts/soak.sh [MINUTES]        # uses $(swift build --show-bin-path)/orgtui, or $ORGTUI_BIN
#
# Fails (exit 1) when memory grows 5 % or more after the warm-up (the first fifth of the run, at least 90 s), when the
# file descriptors grow (the last samples all above every early one), or when the console stops answering or q does
# not quit it.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-10}"
bin="${ORGTUI_BIN:-$(swift build --show-bin-path)/orgtui}"
[[ -x "$bin" ]] || { echo "soak: no orgtui at $bin (swift build first)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "soak: tmux is needed" >&2; exit 2; }

work=$(mktemp -d /tmp/orgtui-soak.XXXXXX)
session="orgtui-soak-$$"
server_pid=""
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits up to $1 seconds for the command that follows to succeed (polling the condition, not sleeping blindly).
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
screen() { tmux capture-pane -p -t "$session"; }
screen_has() { screen | grep -q -- "$1"; }

HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" \
    "$bin" demo-server --port 0 --members 100000 --token soak-token >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
wait_for 60 grep -q "listening on" "$work/server.out" || { echo "soak: the demo server did not start" >&2; exit 1; }
base_url=$(sed -n 's/^orgtui demo-server listening on //p' "$work/server.out")

tmux new-session -d -s "$session" -x 120 -y 40 \
    "exec env LANG=C.UTF-8 TERM=xterm-256color HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config \
    CLOUDFLARE_BASE_URL=$base_url CLOUDFLARE_API_TOKEN=soak-token $bin --provider cloudflare"
wait_for 60 screen_has "Acme Corp" || { echo "soak: the console did not show its accounts" >&2; screen >&2; exit 1; }
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')

keys() { tmux send-keys -t "$session" "$@"; }
# One step per second after the refresh; the cycle drills into the 100,000-member account, scrolls (G loads the next
# page), starts loading every page (L: the next refresh cancels it and starts over), filters, and steps back out.
steps=(
    "Enter" "PageDown" "PageDown" "j" "G" "G" "k" "L" "g" "filter" "Escape" "3" "4" "2" "Escape"
    "2" "3" "1" "j" "k" "Tab" "1"
)
step() {
    case "$1" in
    filter) keys / && keys -l mor && keys Enter ;;
    *) keys "$1" ;;
    esac
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
fds() { find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 | wc -l; }

duration=$((minutes * 60))
# The warm-up: the first fifth, at least 90 s (four cycles of the steps: the pages they reach are cached by then), and
# at least the last 30 s measured.
warmup=$((duration / 5 > 90 ? duration / 5 : 90))
((warmup <= duration - 30)) || warmup=$((duration - 30))
echo "soak: $minutes min against $base_url (100,000 members), pid $pid; warm-up ${warmup}s"
printf "%6s %10s %5s\n" "time" "RSS (MB)" "fds"
samples_rss=()
samples_fds=()
samples_time=()
start=$SECONDS
index=0
next_sample=0
while ((SECONDS - start < duration)); do
    elapsed=$((SECONDS - start))
    if ((elapsed >= next_sample)); then
        [[ -d "/proc/$pid" ]] || { echo "soak: the console exited at ${elapsed}s" >&2; screen >&2; exit 1; }
        rss=$(rss_kb)
        fd=$(fds)
        samples_rss+=("$rss")
        samples_fds+=("$fd")
        samples_time+=("$elapsed")
        awk -v t="$elapsed" -v r="$rss" -v f="$fd" 'BEGIN { printf "%5ss %10.1f %5s\n", t, r / 1024, f }'
        next_sample=$((next_sample + 10))
    fi
    keys r
    step "${steps[index % ${#steps[@]}]}"
    index=$((index + 1))
    # The workload's pace (one step a second), not a wait for a condition.
    sleep 1
done

# Still answering: the help overlay opens and closes, then q quits and the terminal comes back.
keys Escape Escape
keys '?'
wait_for 10 screen_has "Keys · " || { echo "soak: the console stopped answering (no help overlay)" >&2; screen >&2; exit 1; }
keys Escape
final_rss=$(rss_kb)
final_fds=$(fds)
keys q
wait_for 10 bash -c "! kill -0 $pid 2>/dev/null" || { echo "soak: q did not quit" >&2; exit 1; }

python3 - "$warmup" "$final_rss" "$final_fds" "${samples_time[*]}" "${samples_rss[*]}" "${samples_fds[*]}" <<'EOF'
import statistics, sys
warmup, final_rss, final_fds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
times = [int(t) for t in sys.argv[4].split()]
rss = [int(r) for r in sys.argv[5].split()] + [final_rss]
fds = [int(f) for f in sys.argv[6].split()] + [final_fds]
times.append(times[-1] + 10)
after = [r for t, r in zip(times, rss) if t >= warmup]
fds_after = [f for t, f in zip(times, fds) if t >= warmup]
base = statistics.median(after[:3])
end = statistics.median(after[-3:])
growth = (end - base) / base * 100
mb = lambda kb: f"{kb / 1024:.1f} MB"
print(f"soak: RSS start {mb(rss[0])}, peak {mb(max(rss))}, end {mb(rss[-1])}; "
      f"after warm-up {mb(base)} → {mb(end)} ({growth:+.1f} %)")
print(f"soak: file descriptors start {fds[0]}, after warm-up {fds_after[0]}, end {fds[-1]}, max {max(fds)}")
failed = False
if growth >= 5:
    print(f"soak: memory grew {growth:.1f} % after the warm-up (limit 5 %)", file=sys.stderr)
    failed = True
# Connections open and close with the pool, so a single sample moves; a leak shows as the last samples all above
# every sample of the first ones.
if min(fds_after[-3:]) > max(fds_after[:3]):
    print(f"soak: file descriptors grew from {fds_after[:3]} to {fds_after[-3:]}", file=sys.stderr)
    failed = True
sys.exit(1 if failed else 0)
EOF
echo "soak: passed"
