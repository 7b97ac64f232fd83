#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The export benchmark (docs/benchmarks.md): `outcrop --export`, the AWS SDK for JavaScript's
# paginator and curl (the transport floor) list the same deployments from ONE outcrop-sim per
# scenario, which serves pre-rendered pages without checking signatures (--no-auth ignores them).
#   bench/export-bench.sh [--runs N] [--build-dir DIR]
# Scenarios: (a) 25,000 deployments, pages of 1000, plain loopback;
#            (b) 2,500 deployments, pages of 100, 20 ms added to every request.
# Each client runs N times per scenario (round-robin, after one warm-up round); the table shows the
# median and the minimum wall time of the whole process, and the ratios of the medians.
# Two extra lines per scenario: `outcrop --export` to a FILE that does not exist yet (the headline
# replaces the previous run's output, as re-running an export does), and `outcrop --export -` into
# /dev/null (what curl does with its bytes: no file, no fsync, no rename). The headline figure
# stays the export that replaces a FILE.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
runs=11
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift ;;
        --build-dir) build=$(cd "$2" && pwd); shift ;;
        -h|--help) sed -n '3,14p' "$0"; exit 0 ;;
        *) echo "export-bench: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

outcrop=$build/src/app/outcrop
sim=$build/src/sim/outcrop-sim
for tool in "$outcrop" "$sim"; do
    [ -x "$tool" ] || { echo "export-bench: $tool is missing; build first (scripts/test)" >&2; exit 1; }
done
for tool in curl node /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "export-bench: $tool is missing (scripts/packages.txt)" >&2; exit 1; }
done

scratch=$(mktemp -d)
sim_pid=
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/home"

# A clean environment for every client: an empty HOME (no ~/.aws), no inherited AWS_* settings
# (a machine-wide AWS_CA_BUNDLE would make outcrop parse a CA bundle it never uses on http://),
# only the example key. Proxy variables stay as they are: outcrop never proxies loopback, and
# curl is told not to.
unset "${!AWS_@}"
export HOME=$scratch/home
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
region=us-east-1

# Closes every descriptor above 2 of the current (sub)shell. Run under `flock LOCK bench/...`, the
# script holds the build lock's descriptor; a server started in the background must not inherit
# it, or a server left behind would keep every build waiting.
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then
            eval "exec $fd>&-" 2>/dev/null || true
        fi
    done
}

# Starts outcrop-sim and sets $endpoint from its first line ("listening http://127.0.0.1:PORT").
start_sim() {
    (close_inherited_fds; exec "$sim" --port 0 --no-auth "$@") >"$scratch/sim.out" 2>"$scratch/sim.err" &
    sim_pid=$!
    for _ in $(seq 200); do
        endpoint=$(sed -n '1s/^listening //p' "$scratch/sim.out")
        [ -n "$endpoint" ] && return 0
        kill -0 "$sim_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "export-bench: outcrop-sim did not start:" >&2
    cat "$scratch/sim.err" >&2
    exit 1
}

stop_sim() {
    kill "$sim_pid" && wait "$sim_pid" 2>/dev/null || true
    sim_pid=
}

# The floor's first pass: follow nextToken to collect the URL of every page, then write a curl
# config that fetches them all (one process, one kept-alive connection) into /dev/null.
write_curl_config() {
    local page_size=$1
    node --input-type=module - "$endpoint" "$page_size" >"$scratch/urls.txt" <<'EOF'
const [base, pageSize] = process.argv.slice(2);
let token;
do {
    const url = `${base}/model-customization/custom-model-deployments?maxResults=${pageSize}`
        + (token ? `&nextToken=${encodeURIComponent(token)}` : "");
    console.log(url);
    const reply = await fetch(url);
    if (!reply.ok) throw new Error(`${url}: HTTP ${reply.status}`);
    token = (await reply.json()).nextToken;
} while (token);
EOF
    awk '{ printf "url = \"%s\"\noutput = \"/dev/null\"\n", $0 }' "$scratch/urls.txt" >"$scratch/curl.cfg"
}

run_outcrop() {
    "$outcrop" --export "$scratch/out.csv" --endpoint-url "$endpoint" --region "$region" --page-size "$1"
}
# An extra line: the same export to a FILE that does not exist yet (the previous run's output is
# removed before the timing starts), so without the freeing of the replaced 7 MB file that the
# headline's runs pay after the first (ext4 with online discard on this machine: ~1-2 ms).
run_outcrop_new() {
    "$outcrop" --export "$scratch/new.csv" --endpoint-url "$endpoint" --region "$region" --page-size "$1"
}
# The extra line: the same export to standard output, thrown away like curl's bytes.
run_outcrop_stdout() {
    "$outcrop" --export - --endpoint-url "$endpoint" --region "$region" --page-size "$1" >/dev/null
}
run_js() {
    node "$root/bench/js-list.mjs" --endpoint-url "$endpoint" --region "$region" --page-size "$1" \
        >"$scratch/js.out" 2>"$scratch/js.err"
}
run_curl() {
    curl --silent --show-error --fail --noproxy '*' --config "$scratch/curl.cfg" \
        --write-out '%{num_connects}\n' >"$scratch/curl.out"
}

# Every client must have seen every row, and curl must have used one connection.
check_outputs() {
    local count=$1
    local rows
    # Data rows start with a name and the deployment's ARN (names never need quoting).
    rows=$(grep -c '^[^,"]*,arn:aws[a-z-]*:bedrock:[^,]*:custom-model-deployment/' "$scratch/out.csv")
    [ "$rows" -eq "$count" ] || { echo "export-bench: outcrop wrote $rows rows, not $count" >&2; exit 1; }
    rows=$(cat "$scratch/js.out")
    [ "$rows" -eq "$count" ] || { echo "export-bench: the JS SDK listed $rows rows, not $count" >&2; exit 1; }
    local connects
    connects=$(awk '{ total += $1 } END { print total }' "$scratch/curl.out")
    [ "$connects" -eq 1 ] || { echo "export-bench: curl opened $connects connections, not 1" >&2; exit 1; }
}

# Runs "$@" and appends its wall time in milliseconds to the file $timings.
timed() {
    local start=$EPOCHREALTIME
    "$@"
    local end=$EPOCHREALTIME
    echo "$start $end" | awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' >>"$timings"
}

# median and minimum of a file of numbers
stats() {
    sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f\n", m, v[1] }'
}

results=$scratch/results.txt
: >"$results"

# scenario NAME COUNT PAGE_SIZE LATENCY_MS
scenario() {
    local name=$1 count=$2 page_size=$3 latency=$4
    start_sim --count "$count" --prerender "$page_size" --page-size "$page_size" --latency "$latency"
    write_curl_config "$page_size"
    local client
    for client in outcrop outcrop_new outcrop_stdout js curl; do : >"$scratch/$name.$client"; done
    for round in $(seq 0 "$runs"); do
        for client in outcrop outcrop_new outcrop_stdout js curl; do
            timings=$scratch/$name.$client
            [ "$round" -eq 0 ] && timings=/dev/null   # warm-up: page cache, sim's first answers
            [ "$client" = outcrop_new ] && rm -f "$scratch/new.csv"   # not timed
            timed "run_$client" "$page_size"
        done
        [ "$round" -eq 0 ] && check_outputs "$count"
    done
    # Peak memory (maximum resident set size) of one more run of each.
    /usr/bin/time -o "$scratch/rss.outcrop" -f '%M' "$outcrop" --export "$scratch/out.csv" --endpoint-url "$endpoint" \
        --region "$region" --page-size "$page_size"
    /usr/bin/time -o "$scratch/rss.js" -f '%M' node "$root/bench/js-list.mjs" --endpoint-url "$endpoint" \
        --region "$region" --page-size "$page_size" >/dev/null 2>&1
    stop_sim
    echo "$name $count $page_size $latency $(stats "$scratch/$name.outcrop") $(stats "$scratch/$name.js") \
$(stats "$scratch/$name.curl") $(cat "$scratch/rss.outcrop") $(cat "$scratch/rss.js") \
$(stats "$scratch/$name.outcrop_stdout") $(stats "$scratch/$name.outcrop_new")" >>"$results"
}

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); runs: $runs per client"
scenario a 25000 1000 0
scenario b 2500 100 20

awk '
function target(name) { return name == "a" ? "JS/outcrop >= 5, outcrop/floor <= 2" : "outcrop/floor <= 1.1" }
BEGIN {
    printf "%-3s %6s %5s %4s | %-16s | %-16s | %-16s | %8s %10s | %9s %9s\n", "", "rows", "page", "lat",
        "outcrop med/min", "JS SDK med/min", "curl floor", "JS/outc", "outc/floor", "RSS outc", "RSS JS"
}
{
    printf "(%s) %6d %5d %2dms | %7.1f/%6.1f ms | %7.1f/%6.1f ms | %7.1f/%6.1f ms | %7.1fx %9.2fx | %6.1f MB %6.1f MB\n",
        $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7 / $5, $5 / $9, $11 / 1024, $12 / 1024
    targets = targets sprintf("  (%s) %s\n", $1, target($1))
    extra = extra sprintf("(%s) extra: outcrop --export NEWFILE     %7.1f/%6.1f ms | outc-new/floor %5.2fx (no previous file to replace)\n",
        $1, $15, $16, $15 / $9)
    extra = extra sprintf("(%s) extra: outcrop --export - >/dev/null %7.1f/%6.1f ms | outc-/floor %5.2fx (not the headline: no file)\n",
        $1, $13, $14, $13 / $9)
}
END { printf "%sratios are of medians; targets:\n%s", extra, targets }
' "$results"
