#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the app icons: each SVG parses, has the canvas its folder promises
(128 px for scalable, 16 px for symbolic), and the symbolic icon uses only
the one colour that GTK recolours, with no strokes that would not scale."""

import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SYMBOLIC_COLOUR = "#2e3436"


def check(path):
    problems = []
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        return [f"{path}: {error}"]
    if root.tag != SVG + "svg":
        return [f"{path}: the root element is not an SVG <svg>"]

    symbolic = path.endswith("-symbolic.svg")
    size = "16" if symbolic else "128"
    for attribute in ("width", "height"):
        if root.get(attribute) != size:
            problems.append(f"{path}: {attribute} is {root.get(attribute)}, not {size}")
    if root.get("viewBox") != f"0 0 {size} {size}":
        problems.append(f"{path}: viewBox is {root.get('viewBox')}, not 0 0 {size} {size}")

    if symbolic:
        for element in root.iter():
            for attribute in ("fill", "stroke"):
                value = element.get(attribute)
                if value is None or value == "none":
                    continue
                if attribute == "stroke":
                    problems.append(f"{path}: <{element.tag[len(SVG):]}> has a stroke")
                elif value.lower() != SYMBOLIC_COLOUR:
                    problems.append(f"{path}: fill {value} is not {SYMBOLIC_COLOUR}")
            style = element.get("style", "")
            if re.search(r"(fill|stroke)\s*:", style):
                problems.append(f"{path}: colours set through style=, which is not checked")
    return problems


def main(paths):
    problems = []
    for path in paths:
        found = check(path)
        problems += found
        if not found:
            print(f"ok: {path}")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
