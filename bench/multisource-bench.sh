#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The multi-source benchmark (docs/benchmarks.md, "Several sources"): `outcrop --export` lists
# 1, 4 and 8 sources (profiles whose endpoint_url names one simulator each, every simulator on
# its own port, with 2,500 deployments, pages of 100 and 20 ms added to every request), beside the
# AWS SDK for JavaScript listing the same sources one after another (bench/js-list-sources.mjs).
#   bench/multisource-bench.sh [--runs N] [--build-dir DIR]
# Each client runs N times per source count (after one warm-up round); the table shows the median
# and minimum wall time of the whole process and the ratio to outcrop's one-source median.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
runs=7
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift ;;
        --build-dir) build=$(cd "$2" && pwd); shift ;;
        -h|--help) sed -n '3,9p' "$0"; exit 0 ;;
        *) echo "multisource-bench: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

outcrop=$build/src/app/outcrop
sim=$build/src/sim/outcrop-sim
for tool in "$outcrop" "$sim"; do
    [ -x "$tool" ] || { echo "multisource-bench: $tool is missing; build first (scripts/test)" >&2; exit 1; }
done
command -v node >/dev/null || { echo "multisource-bench: node is missing (scripts/packages.txt)" >&2; exit 1; }

scratch=$(mktemp -d)
sim_pid=
cleanup() {
    if [ -n "$sim_pid" ]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/home/.aws"

unset "${!AWS_@}"
export HOME=$scratch/home
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

count=2500
page_size=100
latency=20
max_sources=8
regions=(us-east-1 us-west-2 eu-west-1 eu-central-1 ap-northeast-1 ap-southeast-2 ca-central-1 sa-east-1)

# One outcrop-sim process serving 8 sources, each on its own port ("listening URL ACCOUNT:REGION").
source_args=()
for i in $(seq 0 $((max_sources - 1))); do
    source_args+=(--source "$(printf '1111111111%02d' "$i"):${regions[$i]}")
done
"$sim" --port 0 --no-auth --count "$count" --prerender "$page_size" --page-size "$page_size" --latency "$latency" \
    "${source_args[@]}" >"$scratch/sim.out" 2>"$scratch/sim.err" &
sim_pid=$!
for _ in $(seq 200); do
    [ "$(grep -c '^listening ' "$scratch/sim.out" || true)" -ge "$max_sources" ] && break
    kill -0 "$sim_pid" 2>/dev/null || { cat "$scratch/sim.err" >&2; exit 1; }
    sleep 0.05
done
mapfile -t endpoints < <(sed -n 's/^listening \([^ ]*\) .*/\1/p' "$scratch/sim.out")
[ "${#endpoints[@]}" -eq "$max_sources" ] || { echo "multisource-bench: outcrop-sim did not start" >&2; exit 1; }

# A profile per source, with its own region and endpoint_url.
for i in $(seq 0 $((max_sources - 1))); do
    printf '[profile s%d]\nregion = %s\nendpoint_url = %s\n\n' "$i" "${regions[$i]}" "${endpoints[$i]}"
done >"$HOME/.aws/config"
# A chosen profile skips the environment's keys, as in the JS SDK: each profile has its own.
for i in $(seq 0 $((max_sources - 1))); do
    printf '[s%d]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n' "$i" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"
done >"$HOME/.aws/credentials"

run_outcrop() {
    local n=$1 args=()
    for i in $(seq 0 $((n - 1))); do args+=(--profile "s$i"); done
    "$outcrop" --export "$scratch/out.csv" --page-size "$page_size" "${args[@]}"
}
run_js() {
    local n=$1 args=()
    for i in $(seq 0 $((n - 1))); do args+=("${endpoints[$i]},${regions[$i]}"); done
    node "$root/bench/js-list-sources.mjs" --page-size "$page_size" "${args[@]}" >"$scratch/js.out" 2>"$scratch/js.err"
}
check_outputs() {
    local n=$1 rows
    rows=$(grep -c '^[^,"]*,arn:aws[a-z-]*:bedrock:[^,]*:custom-model-deployment/' "$scratch/out.csv")
    [ "$rows" -eq $((n * count)) ] || { echo "multisource-bench: outcrop wrote $rows rows, not $((n * count))" >&2; exit 1; }
    rows=$(cat "$scratch/js.out")
    [ "$rows" -eq $((n * count)) ] || { echo "multisource-bench: the JS SDK listed $rows rows" >&2; exit 1; }
}
timed() {
    local start=$EPOCHREALTIME
    "$@"
    local end=$EPOCHREALTIME
    echo "$start $end" | awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' >>"$timings"
}
stats() {
    sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f\n", m, v[1] }'
}

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); runs: $runs per client"
echo "each source: $count deployments, pages of $page_size, ${latency} ms per request"
results=$scratch/results.txt
: >"$results"
for n in 1 4 8; do
    : >"$scratch/$n.outcrop"
    : >"$scratch/$n.js"
    for round in $(seq 0 "$runs"); do
        for client in outcrop js; do
            timings=$scratch/$n.$client
            [ "$round" -eq 0 ] && timings=/dev/null
            timed "run_$client" "$n"
        done
        [ "$round" -eq 0 ] && check_outputs "$n"
    done
    echo "$n $(stats "$scratch/$n.outcrop") $(stats "$scratch/$n.js")" >>"$results"
done
awk '
BEGIN { printf "%7s | %-20s | %-20s | %14s | %9s\n", "sources", "outcrop med/min", "JS SDK (sequential)", "outcrop/1 src", "JS/outc" }
NR == 1 { one = $2 }
{ printf "%7d | %8.1f/%8.1f ms | %8.1f/%8.1f ms | %13.2fx | %8.1fx\n", $1, $2, $3, $4, $5, $2 / one, $4 / $2 }
END { print "target: outcrop with 4 and 8 sources within 1.5x of one source" }
' "$results"
