#!/usr/bin/env python3
"""WCAG 2.2 contrast audit of Canbo's colours: `python3 docs/contrast.py` from the repository.

Reads the colours from style/main.css and style/report.css (the custom properties such as
`--ink: #1d1b1a;` and every literal hex colour), computes the contrast ratio of each pair of
PAIRS below and prints a Markdown table (the one in docs/ACCESSIBILITY.md). Exits with 1 when
a pair is below its minimum, or when a pair names a colour the stylesheets no longer hold;
hex colours in the stylesheets that no pair mentions are listed, so new ones get audited.

Minimums: 4.5 for text, 3 for large text (>= 24 px, or >= 18.66 px bold) and for what is
not text but must be seen: chart bars against their background, control borders, the focus
ring (WCAG 1.4.3 and 1.4.11).
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLES = [ROOT / "style" / "main.css", ROOT / "style" / "report.css"]

TEXT, LARGE, GRAPHIC = 4.5, 3.0, 3.0

# (what, foreground, background, minimum). A colour is `--name` (a custom property) or hex.
PAIRS = [
    ("Body text on the page", "--ink", "--paper", TEXT),
    ("Body text on a card", "--ink", "--card", TEXT),
    ("Table head text (#f3efea)", "--ink", "#f3efea", TEXT),
    ("Group row text (#f8f5f1)", "--ink", "#f8f5f1", TEXT),
    ("Text on a corrected / changed row", "--ink", "--accent-soft", TEXT),
    ("Text on an overdue row", "--ink", "--error-soft", TEXT),
    ("Secondary text (hints, shares, origin) on a card", "--ink-soft", "--card", TEXT),
    ("Secondary text on the page (tagline, inactive tab, footer)", "--ink-soft", "--paper", TEXT),
    ("Secondary text on a table head", "--ink-soft", "#f3efea", TEXT),
    ("Tag «chưa xác nhận» on its pill", "--ink-soft", "--accent-soft", TEXT),
    ("Brand, current tab on the page", "--accent", "--paper", TEXT),
    ("Accent text on a card (drop message, link hover)", "--accent", "--card", TEXT),
    ("Primary button / pressed button text", "--accent-ink", "--accent", TEXT),
    ("Primary button text, hovered", "--accent-ink", "#97201a", TEXT),
    ("Error text on its background", "--error", "--error-soft", TEXT),
    ("Danger button text on a card", "--error", "--card", TEXT),
    ("Count link on a card", "#0b57d0", "--card", TEXT),
    ("Count link on a table head / total row", "#0b57d0", "#f3efea", TEXT),
    ("Count link on an overdue row", "#0b57d0", "--error-soft", TEXT),
    ("Rule-set saved message", "#1e4620", "#edf7ed", TEXT),
    ("Skip link text", "#ffffff", "--ink", TEXT),
    ("Breakdown and year bars (chart) on a card", "--accent", "--card", GRAPHIC),
    ("Pyramid: men's bars on a card", "#1f5fa8", "--card", GRAPHIC),
    ("Pyramid: women's bars on a card", "--accent", "--card", GRAPHIC),
    ("Button and input borders on a card", "--control-line", "--card", GRAPHIC),
    ("Button borders on the page", "--control-line", "--paper", GRAPHIC),
    ("Danger button border on a card", "--error", "--card", GRAPHIC),
    ("Focus ring on a card", "--focus", "--card", GRAPHIC),
    ("Focus ring on the page", "--focus", "--paper", GRAPHIC),
    ("Focus ring on a table head", "--focus", "#f3efea", GRAPHIC),
    ("Current tab underline on the page", "--accent", "--paper", GRAPHIC),
]

# Colours that carry no information, so need no contrast: card and table rules, shadows,
# the light border of an error box (its text and background are audited above).
DECORATIVE = {"#e6e0da": "--line: card and table rules", "#f4c7c3": "error box border", "#fff": "white (= --card)"}

HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
VAR = re.compile(r"(--[a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;")


def normal(hex_colour):
    h = hex_colour.lower().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return "#" + h


def luminance(hex_colour):
    h = normal(hex_colour)[1:]

    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(h[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def main():
    css = "\n".join(path.read_text(encoding="utf-8") for path in STYLES)
    variables = {name: normal(value) for name, value in VAR.findall(css)}
    literals = {normal(h) for h in HEX.findall(css)}
    used = set()
    failures = []

    def resolve(colour):
        if colour.startswith("--"):
            if colour not in variables:
                failures.append(f"{colour} is not defined in the stylesheets")
                return "#000000"
            used.add(variables[colour])
            return variables[colour]
        colour = normal(colour)
        if colour not in literals and colour != "#ffffff":
            failures.append(f"{colour} is not in the stylesheets any more")
        used.add(colour)
        return colour

    print("| what | foreground | background | ratio | needs | |")
    print("|---|---|---|---:|---:|---|")
    for what, fg, bg, minimum in PAIRS:
        f, b = resolve(fg), resolve(bg)
        r = ratio(f, b)
        ok = r >= minimum
        if not ok:
            failures.append(f"{what}: {r:.2f} < {minimum}")
        name = lambda c, v: f"`{c}` {v}" if c.startswith("--") else f"`{v}`"
        print(f"| {what} | {name(fg, f)} | {name(bg, b)} | {r:.2f} | {minimum:g} | {'ok' if ok else '**FAIL**'} |")

    decorative = {normal(h) for h in DECORATIVE}
    unaudited = sorted(literals - used - decorative)
    if unaudited:
        print("\nColours in the stylesheets that no pair audits: " + ", ".join(unaudited))
    if failures:
        print("\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
