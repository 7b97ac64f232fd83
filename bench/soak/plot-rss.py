#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Draws the RSS curve of a bench-soak CSV: an SVG file and an ASCII chart on stdout.

    bench/soak/plot-rss.py SAMPLES.csv OUT.svg "title"

When the CSV has glibc's heap in use (heap_in_use_kib: mallinfo2, every arena, the mmapped
window backing store included), the SVG draws it too, on the same scale.
"""
import csv
import sys


def main():
    source, target, title = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    xs = [float(r["seconds"]) for r in rows]
    ys = [int(r["rss_kib"]) / 1024.0 for r in rows]
    cycles = [int(r["cycles"]) for r in rows]
    heap = [int(r["heap_in_use_kib"]) / 1024.0 for r in rows] if "heap_in_use_kib" in rows[0] else None
    width, height, margin = 720, 260, 56
    x_max = max(xs) or 1.0
    y_min = 0.0
    y_max = max(ys) * 1.15
    def px(x):
        return margin + (width - 2 * margin) * x / x_max
    def py(y):
        return height - margin + -(height - 2 * margin) * (y - y_min) / (y_max - y_min)
    points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys))
    heap_line = ""
    if heap:
        heap_points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, heap))
        heap_line = (f'<polyline fill="none" stroke="#c05a00" stroke-width="1.5" points="{heap_points}"/>\n'
                     f'<line x1="{width - margin - 190}" y1="34" x2="{width - margin - 170}" y2="34" stroke="#1f5fbf" stroke-width="2"/>'
                     f'<text x="{width - margin - 165}" y="38" font-size="11">RSS</text>\n'
                     f'<line x1="{width - margin - 120}" y1="34" x2="{width - margin - 100}" y2="34" stroke="#c05a00" stroke-width="2"/>'
                     f'<text x="{width - margin - 95}" y="38" font-size="11">heap in use</text>\n')
    ticks = []
    for i in range(5):
        value = y_min + (y_max - y_min) * i / 4
        ticks.append(f'<line x1="{margin}" y1="{py(value):.1f}" x2="{width - margin}" y2="{py(value):.1f}" stroke="#ccc"/>'
                     f'<text x="{margin - 6}" y="{py(value) + 4:.1f}" text-anchor="end" font-size="11">{value:.0f}</text>')
    for i in range(5):
        value = x_max * i / 4
        ticks.append(f'<text x="{px(value):.1f}" y="{height - margin + 16}" text-anchor="middle" font-size="11">{value:.0f}</text>')
    svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="DejaVu Sans, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="{width / 2}" y="20" text-anchor="middle" font-size="13">{title}</text>
{"".join(ticks)}
<text x="14" y="{height / 2}" transform="rotate(-90 14 {height / 2})" text-anchor="middle" font-size="11">{"MiB" if heap else "RSS (MiB)"}</text>
<text x="{width / 2}" y="{height - 12}" text-anchor="middle" font-size="11">seconds ({cycles[-1]} refresh cycles)</text>
<polyline fill="none" stroke="#1f5fbf" stroke-width="1.5" points="{points}"/>
{heap_line}</svg>
'''
    with open(target, "w") as f:
        f.write(svg)

    # ASCII: 12 rows, up to 72 columns, each column the maximum of its samples.
    columns = min(72, len(ys))
    buckets = [max(ys[int(i * len(ys) / columns):max(int((i + 1) * len(ys) / columns), int(i * len(ys) / columns) + 1)])
               for i in range(columns)]
    low, high = min(buckets), max(buckets)
    span = max(high - low, 1.0)   # at least 1 MiB tall, so noise does not look like a trend
    bands = [round((b - low) / span * 11) for b in buckets]
    lines = []
    for level in range(11, -1, -1):
        value = low + span * level / 11
        label = f"{value:7.1f} MiB |" if level in (11, 0) else "            |"
        lines.append(label + "".join("*" if band == level else " " for band in bands))
    lines.append("            +" + "-" * columns)
    lines.append(f"             0 s{' ' * max(columns - 12, 1)}{x_max:.0f} s")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
