#!/usr/bin/env python3
"""Draws the toolbar icons (a white key-check on a blue rounded square) at
16, 32, 48 and 128 px with no imaging library, so a fresh machine can rebuild them."""
import struct
import sys
import zlib
from pathlib import Path

BLUE = (31, 111, 235)
WHITE = (255, 255, 255)


def coverage(x, y, size):
    """0..1 of the white mark and of the rounded square at pixel centre (x, y)."""
    u, v = (x + 0.5) / size, (y + 0.5) / size
    r = 0.2
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    inside = (u - cx) ** 2 + (v - cy) ** 2 <= r * r
    # A check mark: two thick strokes.
    def near(ax, ay, bx, by, w):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (u - px) ** 2 + (v - py) ** 2 <= w * w
    mark = near(0.24, 0.52, 0.43, 0.72, 0.085) or near(0.43, 0.72, 0.78, 0.30, 0.085)
    return inside, mark


def png(size):
    rows = []
    n = 4  # supersampling per axis
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            box = white = 0
            for sy in range(n):
                for sx in range(n):
                    inside, mark = coverage(x + (sx + 0.5) / n - 0.5, y + (sy + 0.5) / n - 0.5, size)
                    box += inside
                    white += inside and mark
            a = box / (n * n)
            w = white / box if box else 0
            rgb = [round(BLUE[i] * (1 - w) + WHITE[i] * w) for i in range(3)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "extension/icons")
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"icon-{size}.png").write_bytes(png(size))
