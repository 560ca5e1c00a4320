#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the tree.

Fails, naming them, for any file under src/ that marks strings for translation
(_(), N_(), C_(), NC_(), g_dngettext() and the like in code, translatable="yes"
in a .ui file) but is not listed, for any translatable data file (desktop,
metainfo, schema, MIME type) that is not listed, and for any listed file that
does not exist. A file that
marks strings but must stay out of the catalogue goes in po/POTFILES.skip.

    check-potfiles.py [TOP_SOURCE_DIR]
"""

import os
import re
import sys

# A gettext call: the macro name must not be the tail of a longer identifier,
# so that g_autoptr(...) or FOO_(...) do not count.
CALL = re.compile(r"(?<![A-Za-z0-9_])(?:(?:N|C|NC)?_|g_dngettext|g_dpgettext2?|g_dgettext|ngettext)\s*\(")
TRANSLATABLE = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""")
C_TOKENS = re.compile(r"""
    "(?:\\.|[^"\\\n])*"      # a string literal
  | '(?:\\.|[^'\\\n])*'      # a character literal
  | /\*.*?\*/               # a block comment
  | //[^\n]*                # a line comment
""", re.DOTALL | re.VERBOSE)
C_SUFFIXES = (".c", ".h")
DATA_SUFFIXES = (".desktop.in", ".metainfo.xml.in", ".appdata.xml.in",
                 ".gschema.xml", ".mime.xml")


def read_list(path):
    """Returns the entries of a POTFILES-style list, or [] if it is absent."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return []
    entries = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def strip_c_comments(text):
    """Removes C comments, leaving string literals (which may hold "//") alone."""
    def keep_literals(match):
        return match.group(0) if match.group(0)[0] in "\"'" else " "
    return C_TOKENS.sub(keep_literals, text)


def marks_strings(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if path.endswith(C_SUFFIXES):
        # A comment that shows how to mark a string does not mark one.
        return CALL.search(strip_c_comments(text)) is not None
    if path.endswith(".blp"):
        return CALL.search(text) is not None
    return TRANSLATABLE.search(text) is not None


def translatable_files(top):
    found = []
    for folder, dirs, files in os.walk(os.path.join(top, "src")):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            if marks_strings(path):
                found.append(os.path.relpath(path, top))
    data = os.path.join(top, "data")
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            if name.endswith(DATA_SUFFIXES):
                found.append(os.path.join("data", name))
    return found


def main(argv):
    top = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    top = os.path.abspath(top)
    listed = read_list(os.path.join(top, "po", "POTFILES.in"))
    skipped = set(read_list(os.path.join(top, "po", "POTFILES.skip")))

    problems = []
    seen = set()
    for entry in listed:
        if entry in seen:
            problems.append(f"{entry}: listed twice in po/POTFILES.in")
        seen.add(entry)
        if not os.path.isfile(os.path.join(top, entry)):
            problems.append(f"{entry}: listed in po/POTFILES.in but does not exist")
    for path in translatable_files(top):
        if path not in seen and path not in skipped:
            problems.append(f"{path}: has translatable strings but is missing from po/POTFILES.in")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"ok: po/POTFILES.in lists all {len(seen)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
