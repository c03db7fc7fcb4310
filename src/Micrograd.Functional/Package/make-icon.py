#!/usr/bin/env python3
"""Draws the package icon, icon.png (128x128): a tiny expression graph, two leaves feeding an op
node that feeds the output, on a rounded navy square. Standard library only (zlib, struct), so it
runs anywhere: python3 make-icon.py writes icon.png next to this script."""
import math, os, struct, zlib

SIZE, SS = 128, 4                      # pixels, supersamples per axis (anti-aliasing)
BG = (30, 42, 68)
EDGE = (150, 170, 205)
LEAF, OP, OUT = (64, 196, 180), (245, 158, 66), (250, 250, 250)
NODES = [((34, 40), 13, LEAF), ((34, 88), 13, LEAF), ((72, 64), 15, OP), ((104, 64), 11, OUT)]
EDGES = [(0, 2), (1, 2), (2, 3)]


def rounded_square(x, y, r=24):
    dx, dy = max(r - x, 0, x - (SIZE - r)), max(r - y, 0, y - (SIZE - r))
    return dx * dx + dy * dy <= r * r


def segment_distance(px, py, ax, ay, bx, by):
    vx, vy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))


def colour_at(x, y):
    if not rounded_square(x, y):
        return None
    for (cx, cy), r, colour in NODES:
        d = math.hypot(x - cx, y - cy)
        if d <= r - 2.5:
            return colour
        if d <= r:
            return EDGE
    if any(segment_distance(x, y, *NODES[a][0], *NODES[b][0]) <= 2.2 for a, b in EDGES):
        return EDGE
    return BG


def pixel(px, py):
    samples = [colour_at(px + (i + 0.5) / SS, py + (j + 0.5) / SS) for i in range(SS) for j in range(SS)]
    inside = [s for s in samples if s is not None]
    if not inside:
        return (0, 0, 0, 0)
    rgb = tuple(round(sum(s[k] for s in inside) / len(inside)) for k in range(3))
    return rgb + (round(255 * len(inside) / len(samples)),)


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(path, "wb") as f:
        f.write(png(SIZE, SIZE, rows))
    print(path)
