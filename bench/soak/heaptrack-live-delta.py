#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What grew between two moments of ONE heaptrack recording, by allocation call stack.

    heaptrack -o soak build/bench/soak/bench-soak --interval-ms 15 --cycles 10000 ...
    bench/soak/heaptrack-live-delta.py soak.zst 20 120 [TOP]

Replays the recording (heaptrack 1.4's interpreted format: "a size trace" allocation infos,
"+ info" / "- info" allocations and frees, "c ms" timestamps, "t ip parent" traces, "i ip module
function file line" instruction pointers, "s len text" strings) and prints the bytes live at the
second moment minus those live at the first, per call stack, largest first. Unlike comparing the
leaks of two runs, the two moments share one process, so the warm-up, the data set and the
allocator's layout are the same; unlike the RSS, freed memory the allocator keeps does not count.
heaptrack_print's massif export (-M) gives the total over time but, in 1.4, no per-stack tree.
"""
import collections
import subprocess
import sys


def main():
    path, first_s, second_s = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    strings = [""]            # 1-based
    ips = [None]              # 1-based
    traces = [(0, 0)]         # 1-based; 0 is the root
    allocations = []          # 0-based: (size, trace)
    live = collections.Counter()
    at_first = None
    now = 0
    reader = subprocess.Popen(["zstdcat", path], stdout=subprocess.PIPE, text=True, errors="replace")
    for line in reader.stdout:
        kind = line[0]
        if kind == '+':
            live[int(line[2:], 16)] += 1
        elif kind == '-':
            live[int(line[2:], 16)] -= 1
        elif kind == 'c':
            now = int(line[2:], 16)
            if at_first is None and now >= first_s * 1000:
                at_first = collections.Counter(live)
            if now >= second_s * 1000:
                break
        elif kind == 'a':
            size, trace = line[2:].split()
            allocations.append((int(size, 16), int(trace, 16)))
        elif kind == 't':
            ip, parent = line[2:].split()
            traces.append((int(ip, 16), int(parent, 16)))
        elif kind == 'i':
            fields = line[2:].split()
            numbers = [int(f, 16) for f in fields[1:5]] + [0, 0, 0, 0]
            ips.append((fields[0], numbers[0], numbers[1], numbers[2], numbers[3]))
        elif kind == 's':
            text = line[2:].rstrip('\n')
            strings.append(text.split(' ', 1)[1] if ' ' in text else "")
    reader.kill()
    if at_first is None:
        sys.exit(f"the recording ends before {first_s} s")
    print(f"live at {first_s:g} s -> {now / 1000:g} s")

    bytes_by_trace = collections.Counter()
    count_by_trace = collections.Counter()
    for index in set(live) | set(at_first):
        delta = live[index] - at_first[index]
        if delta:
            size, trace = allocations[index]
            bytes_by_trace[trace] += delta * size
            count_by_trace[trace] += delta
    print(f"total: {sum(bytes_by_trace.values()):+d} bytes")

    def frames(trace):
        while trace:
            ip_index, trace = traces[trace]
            address, module, function, file, line = ips[ip_index]
            name = strings[function] if function else address
            where = f" {strings[file].rsplit('/', 1)[-1]}:{line}" if file else ""
            yield f"{name[:120]}{where} [{strings[module].rsplit('/', 1)[-1]}]"

    for trace, delta in sorted(bytes_by_trace.items(), key=lambda item: -abs(item[1]))[:top]:
        print(f"\n{delta:+9d} bytes in {count_by_trace[trace]:+d} allocations")
        for frame in list(frames(trace))[:14]:
            print("    " + frame)


if __name__ == "__main__":
    main()
