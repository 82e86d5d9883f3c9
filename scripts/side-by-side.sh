#!/usr/bin/env bash
# Side by side, in one run (issue 10): records the demo server's member pages, replays them from nginx on
# 127.0.0.1 (config in a temp dir), and times against that replay:
#   (a) orgtui's load-all as the console's `L` does it, and APICore's fetchAll (orgtui-bench fetch, 8 pages at a
#       time where the list allows),
#   (b) the official Python SDK's auto-pagination of the same list,
#   (c) the floor: the same requests with curl, 8 in parallel, no decoding;
# then prints a/b and a/c for Cloudflare and OpenAI, and the demo server against the static replay
# (200 member pages, 8 in parallel).
#
# Usage: scripts/side-by-side.sh [SIZE …]   (default: 10000 100000)
# Env: RUNS (default 5), BIN (directory with a release orgtui-bench, and orgtui if built; built when unset),
#      PYTHON (default .build/venv/bin/python, else /work/venv/bin/python).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes=("$@")
((${#sizes[@]} > 0)) || sizes=(10000 100000)
runs=${RUNS:-5}
token=side-by-side-demo-token
python=${PYTHON:-}
if [[ -z "$python" ]]; then
    python=.build/venv/bin/python
    [[ -x "$python" ]] || python=/work/venv/bin/python
fi

for tool in curl jq; do command -v "$tool" >/dev/null || { echo "side-by-side: needs $tool" >&2; exit 1; }; done
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    echo "side-by-side: installing nginx-light" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light </dev/null >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [[ -z "${BIN:-}" ]]; then
    swift build -c release --product orgtui-bench >&2
    BIN=$(swift build -c release --show-bin-path)
fi
# `orgtui demo-server` when orgtui is built in release mode, else the bench's copy of the same command.
demo_server=("$BIN/orgtui" demo-server)
[[ -x "$BIN/orgtui" ]] || demo_server=("$BIN/orgtui-bench" demo-server)

work=$(mktemp -d /tmp/orgtui-side-by-side.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Median of the numbers on standard input.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Runs "$@" RUNS times (after one warm-up) and prints the median wall time in ms.
time_median() {
    "$@" >/dev/null
    for _ in $(seq "$runs"); do
        local start
        start=$(now_ms)
        "$@" >/dev/null
        echo $(($(now_ms) - start))
    done | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf (b > 0 ? "%.2f" : "n/a"), (b > 0 ? a / b : 0) }'; }
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_demo() {  # SIZE → sets demo_pid, demo_base (…/client/v4), openai_base (…/v1)
    local log=$work/demo-$1.log
    "${demo_server[@]}" --members "$1" --openai-users "$1" --token "$token" >"$log" 2>&1 &
    demo_pid=$!
    pids+=("$demo_pid")
    for _ in $(seq 1200); do
        if grep -q '^openai ' "$log"; then break; fi
        sleep 0.1
    done
    demo_base=$(sed -n 's/^orgtui demo-server listening on //p' "$log")
    openai_base=$(sed -n 's/^openai //p' "$log")
    [[ -n "$demo_base" && -n "$openai_base" ]] || { cat "$log" >&2; exit 1; }
}

start_nginx() {  # root → sets replay_port
    replay_port=$(free_port)
    cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/tmp-body;
    proxy_temp_path $work/tmp-proxy;
    fastcgi_temp_path $work/tmp-fastcgi;
    uwsgi_temp_path $work/tmp-uwsgi;
    scgi_temp_path $work/tmp-scgi;
    keepalive_requests 1000000;
    default_type application/json;
    map \$arg_page \$cf_page { "" 1; default \$arg_page; }
    map \$arg_after \$oa_after { "" first; default \$arg_after; }
    server {
        listen 127.0.0.1:$replay_port;
        root $1;
        location ~ ^/client/v4/accounts/[^/]+/members$ { try_files /cf/members-\$cf_page.json =404; }
        location = /v1/organization/users { try_files /oa/users-\$oa_after.json =404; }
    }
}
EOF
    "$nginx_bin" -p "$work" -c "$work/nginx.conf" &
    pids+=($!)
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$replay_port/" && return; sleep 0.05; done
    echo "side-by-side: nginx did not start" >&2; cat "$work/nginx-error.log" >&2; exit 1
}

# Writes a curl config fetching every URL in file $1 (one per line) to /dev/null.
curl_config() {
    echo "header = \"Authorization: Bearer $token\""
    while read -r url; do echo "url = \"$url\""; echo "output = /dev/null"; done <"$1"
}
floor() { curl -s --no-progress-meter --parallel --parallel-max 8 -K "$1" 2>/dev/null; }
floor_sequential() { curl -s --no-progress-meter -K "$1" 2>/dev/null; }

orgtui_fetch() {  # PROVIDER BASE ACCOUNT SIZE → "from-L from-opening apicore" medians (ms)
    "$BIN/orgtui-bench" fetch --provider "$1" --base-url "$2" --token "$token" --account "$3" --concurrency 8 \
        --runs "$runs" --expect "$4" --json | jq -r '"\(.results[0].median) \(.results[1].median) \(.results[2].median)"'
}

sdk_cloudflare() {  # BASE ACCOUNT SIZE
    CLOUDFLARE_BASE_URL=$1 CLOUDFLARE_API_TOKEN=$token "$python" - "$2" "$3" <<'EOF'
import sys, cloudflare
client = cloudflare.Cloudflare()
count = sum(1 for _ in client.accounts.members.list(account_id=sys.argv[1], per_page=50))
assert count == int(sys.argv[2]), f"SDK listed {count} members"
EOF
}

sdk_openai() {  # BASE SIZE
    env -u OPENAI_API_KEY OPENAI_BASE_URL=$1 OPENAI_ADMIN_KEY=$token "$python" - "$2" <<'EOF'
import sys, openai
client = openai.OpenAI()
count = sum(1 for _ in client.admin.organization.users.list(limit=100))
assert count == int(sys.argv[1]), f"SDK listed {count} users"
EOF
}

results=$work/results.txt
: >"$results"
for size in "${sizes[@]}"; do
    echo "side-by-side: $size members — demo server" >&2
    start_demo "$size"
    auth=(-s -H "Authorization: Bearer $token")
    account=$(curl "${auth[@]}" "$demo_base/accounts?per_page=50" | jq -r '.result[] | select(.name == "Acme Corp") | .id')
    root=$work/replay-$size
    mkdir -p "$root/cf" "$root/oa"
    # Cloudflare: pages 1 … total_pages, and the empty page after the last (the SDK asks for it).
    pages=$(curl "${auth[@]}" "$demo_base/accounts/$account/members?page=1&per_page=50" | jq '.result_info.total_pages')
    : >"$work/cf-demo-urls"
    for page in $(seq 1 $((pages + 1))); do
        url="$demo_base/accounts/$account/members?page=$page&per_page=50"
        echo "$url" >>"$work/cf-demo-urls"
        curl "${auth[@]}" -o "$root/cf/members-$page.json" "$url"
    done
    # OpenAI: follow the after=<last_id> chain.
    after=""
    : >"$work/oa-paths"
    while :; do
        query="limit=100${after:+&after=$after}"
        echo "/v1/organization/users?$query" >>"$work/oa-paths"
        curl "${auth[@]}" -o "$root/oa/users-${after:-first}.json" "$openai_base/organization/users?$query"
        [[ $(jq -r '.has_more' "$root/oa/users-${after:-first}.json") == true ]] || break
        after=$(jq -r '.last_id' "$root/oa/users-${after:-first}.json")
    done
    start_nginx "$root"
    replay=http://127.0.0.1:$replay_port
    # The first $pages URLs: sed stops there itself (`| head` would end the pipe early, a SIGPIPE under pipefail).
    sed -e "s|^$demo_base|$replay/client/v4|" -e "${pages}q" "$work/cf-demo-urls" >"$work/cf-replay-urls"
    sed "s|^|$replay|" "$work/oa-paths" >"$work/oa-replay-urls"
    curl_config "$work/cf-replay-urls" >"$work/cf-floor.cfg"
    curl_config "$work/oa-replay-urls" >"$work/oa-floor.cfg"

    echo "side-by-side: $size members — timing against the replay" >&2
    read -r cf_a cf_open cf_core < <(orgtui_fetch cloudflare "$replay/client/v4" "$account" "$size")
    cf_b=$(time_median sdk_cloudflare "$replay/client/v4" "$account" "$size")
    cf_c=$(time_median floor "$work/cf-floor.cfg")
    read -r oa_a oa_open oa_core < <(orgtui_fetch openai "$replay/v1" "" "$size")
    oa_b=$(time_median sdk_openai "$replay/v1" "$size")
    oa_c=$(time_median floor "$work/oa-floor.cfg")
    # A cursor chain cannot be fetched 8 at a time by anyone: its honest floor is curl following it page by page.
    oa_seq=$(time_median floor_sequential "$work/oa-floor.cfg")
    {
        printf "%-10s %8s  %9s %9s %9s %9s %9s  %6s %6s %6s %6s\n" provider members "L ms" "open+L" "apicore" \
            "sdk ms" "floor ms" "a/b" "a/c" "open/c" "core/c"
        row() {  # NAME L OPEN CORE SDK FLOOR
            printf "%-10s %8s  %9.1f %9.1f %9.1f %9s %9s  %6s %6s %6s %6s\n" "$1" "$size" "$2" "$3" "$4" "$5" "$6" \
                "$(ratio "$2" "$5")" "$(ratio "$2" "$6")" "$(ratio "$3" "$6")" "$(ratio "$4" "$6")"
        }
        row cloudflare "$cf_a" "$cf_open" "$cf_core" "$cf_b" "$cf_c"
        row openai "$oa_a" "$oa_open" "$oa_core" "$oa_b" "$oa_c"
        printf "%-10s %8s  %9s %9s %9s %9s %9s  %6s %6s %6s %6s\n" "openai seq" "$size" "" "" "" "" "$oa_seq" "" \
            "$(ratio "$oa_a" "$oa_seq")" "$(ratio "$oa_open" "$oa_seq")" "$(ratio "$oa_core" "$oa_seq")"
    } >>"$results"

    if ((pages >= 200)); then
        echo "side-by-side: demo server against the replay, 200 pages, 8 in parallel" >&2
        head -n 200 "$work/cf-demo-urls" >"$work/demo-200"
        head -n 200 "$work/cf-replay-urls" >"$work/replay-200"
        curl_config "$work/demo-200" >"$work/demo-200.cfg"
        curl_config "$work/replay-200" >"$work/replay-200.cfg"
        demo_ms=$(time_median floor "$work/demo-200.cfg")
        static_ms=$(time_median floor "$work/replay-200.cfg")
        printf "demo server 200 pages: %s ms, static replay: %s ms, ratio %s (target ≤ 2)\n" \
            "$demo_ms" "$static_ms" "$(ratio "$demo_ms" "$static_ms")" >>"$results"
    fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=()
done
echo
echo "side by side (median of $runs runs; a = the console's load-all timed from the L key (the first page is on screen"
echo "already), open+L = the same from opening the list, apicore = APICore's fetchAll, b = Python SDK, c = curl floor"
echo "(every page, 8 in parallel); 'openai seq' = curl following the cursor chain one page at a time)"
cat "$results"
