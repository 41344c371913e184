#!/usr/bin/env python3
"""Draws the packages' icon, src/icon.png (128 x 128 PNG), with the standard library only.

A journey out of the dark: four touchpoints on a rising path across a night-blue tile, each brighter than the one
before, the last one lit amber. Run from anywhere: python3 build/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE = 128
SAMPLES = 4  # supersampling per axis, for smooth edges

BACKGROUND = (16, 22, 43)
PATH = (70, 86, 128)
DOTS = [((30, 96), 9, (64, 78, 120)), ((54, 70), 10, (110, 122, 160)), ((78, 52), 11, (190, 178, 150)),
        ((100, 30), 14, (255, 176, 32))]
GLOW = ((100, 30), 30, (255, 176, 32))


def inside_tile(x, y, radius=24):
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour_at(x, y):
    if not inside_tile(x, y):
        return None
    colour = BACKGROUND
    (gx, gy), reach, glow = GLOW
    d = math.hypot(x - gx, y - gy)
    if d < reach:
        a = (1 - d / reach) ** 2 * 0.55
        colour = tuple(round(c * (1 - a) + g * a) for c, g in zip(colour, glow))
    for (a, b) in zip(DOTS, DOTS[1:]):
        if distance_to_segment(x, y, *a[0], *b[0]) <= 2.2:
            colour = PATH
    for (cx, cy), r, c in DOTS:
        if math.hypot(x - cx, y - cy) <= r:
            colour = c
    return colour


def pixel(px, py):
    total = [0, 0, 0, 0]
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            c = colour_at(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
            if c is not None:
                total[0] += c[0]
                total[1] += c[1]
                total[2] += c[2]
                total[3] += 255
    n = SAMPLES * SAMPLES
    alpha = total[3] / n
    if alpha == 0:
        return (0, 0, 0, 0)
    covered = total[3] / 255
    return (round(total[0] / covered), round(total[1] / covered), round(total[2] / covered), round(alpha))


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "icon.png")
    with open(out, "wb") as f:
        f.write(png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
    print(os.path.normpath(out))
