"""Writes price-books/logo.png: the standard book's placeholder logo (three rising bars in a
rounded square, the accent colour #1F4E79). Pure standard library: zlib + struct."""
import struct, zlib, math, sys

W = H = 192
ACCENT = (0x1F, 0x4E, 0x79)
LIGHT = (0x5B, 0x9B, 0xD5)

def inside_rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def pixel(x, y):
    # 4x supersampling for smooth edges
    hits_bg = hits_bar = 0
    bar_colour = LIGHT
    for sx in range(4):
        for sy in range(4):
            px, py = x + (sx + 0.5) / 4, y + (sy + 0.5) / 4
            if inside_rounded(px, py, 4, 4, W - 4, H - 4, 36):
                hits_bg += 1
                for i, (left, top) in enumerate([(44, 112), (84, 80), (124, 44)]):
                    if inside_rounded(px, py, left, top, left + 28, 150, 6):
                        hits_bar += 1
    a = hits_bg / 16
    if hits_bg == 0:
        return (0, 0, 0, 0)
    t = hits_bar / max(hits_bg, 1)
    rgb = tuple(round(ACCENT[c] * (1 - t) + 255 * t) for c in range(3))
    return rgb + (round(255 * a),)

rows = []
for y in range(H):
    row = bytearray([0])
    for x in range(W):
        row.extend(pixel(x, y))
    rows.append(bytes(row))
raw = b"".join(rows)

def chunk(tag, data):
    c = struct.pack(">I", len(data)) + tag + data
    return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
open(sys.argv[1] if len(sys.argv) > 1 else "price-books/logo.png", "wb").write(png)
