#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that translations are complete against the current sources.

Extracts a fresh template from the files in po/POTFILES.in with xgettext, as
meson's i18n 'glib' preset does (the action-set-pot target), merges each
catalogue into it with msgmerge, and fails, naming them, if any message is
untranslated (a plural one counts when any of its forms is empty) or fuzzy.
Everything is written in a temporary folder, never in the source tree.

    check-po-complete.py TOP_SOURCE_DIR [LANG…]

Without LANG, checks every language in po/LINGUAS. Exits with 77 (skipped)
when xgettext or msgmerge is not installed.
"""

import os
import shutil
import subprocess
import sys
import tempfile

PACKAGE = "action-set"

# The arguments of meson's i18n.gettext(preset: 'glib'), which po/meson.build
# uses, plus the -k_ that meson always adds.
XGETTEXT_ARGS = [
    "-k_",
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def read_linguas(path):
    langs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                langs += line.split()
    return langs


def unquote(text):
    """The value of one C-style quoted PO string."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted string: {text}")
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\",
               "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    out = []
    i, body = 0, text[1:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def read_po(path):
    """The live (not obsolete) entries of a PO file, as dicts with 'ctxt',
    'id', 'strs' (the msgstr or the msgstr[N] in order) and 'fuzzy'."""
    entries = []
    entry, field = None, None

    def finish():
        if entry is not None and entry.get("id") is not None:
            entries.append(entry)

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#~") or not line.strip():
                if line.strip() == "" and entry is not None:
                    finish()
                    entry, field = None, None
                continue
            if entry is None:
                entry = {"ctxt": None, "id": None, "strs": [], "fuzzy": False}
            if line.startswith("#,"):
                flags = [flag.strip() for flag in line[2:].split(",")]
                entry["fuzzy"] = entry["fuzzy"] or "fuzzy" in flags
            elif line.startswith("#"):
                continue
            elif line.startswith("msgctxt "):
                entry["ctxt"], field = unquote(line[8:]), "ctxt"
            elif line.startswith("msgid_plural "):
                field = "plural"
            elif line.startswith("msgid "):
                entry["id"], field = unquote(line[6:]), "id"
            elif line.startswith("msgstr"):
                entry["strs"].append(unquote(line[line.index('"'):]))
                field = "str"
            elif line.startswith('"'):
                value = unquote(line)
                if field == "ctxt":
                    entry["ctxt"] += value
                elif field == "id":
                    entry["id"] += value
                elif field == "str":
                    entry["strs"][-1] += value
            else:
                raise ValueError(f"{path}: cannot read the line: {line}")
    finish()
    return entries


def describe(entry):
    text = entry["id"].replace("\n", "\\n")
    if len(text) > 70:
        text = text[:69] + "…"
    if entry["ctxt"] is not None:
        return f"[{entry['ctxt']}] {text}"
    return text


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    top = os.path.abspath(argv[1])
    po_dir = os.path.join(top, "po")
    langs = argv[2:] or read_linguas(os.path.join(po_dir, "LINGUAS"))

    xgettext = shutil.which("xgettext")
    msgmerge = shutil.which("msgmerge")
    if xgettext is None or msgmerge is None:
        print("skipped: xgettext or msgmerge is not installed")
        return 77

    failed = False
    with tempfile.TemporaryDirectory(prefix="check-po-") as tmp:
        pot = os.path.join(tmp, PACKAGE + ".pot")
        subprocess.run([xgettext, "--package-name=" + PACKAGE,
                        "-f", os.path.join(po_dir, "POTFILES.in"),
                        "-D", top, "-o", pot] + XGETTEXT_ARGS,
                       check=True, cwd=tmp)
        n_messages = sum(1 for e in read_po(pot) if e["id"] != "")

        for lang in langs:
            po = os.path.join(po_dir, lang + ".po")
            if not os.path.isfile(po):
                print(f"{lang}: po/{lang}.po does not exist")
                failed = True
                continue
            merged = os.path.join(tmp, lang + ".po")
            subprocess.run([msgmerge, "--quiet", "--output-file=" + merged, po, pot],
                           check=True, cwd=tmp)
            untranslated, fuzzy = [], []
            for entry in read_po(merged):
                if entry["id"] == "":
                    continue
                if not entry["strs"] or any(s == "" for s in entry["strs"]):
                    untranslated.append(entry)
                elif entry["fuzzy"]:
                    fuzzy.append(entry)
            if not untranslated and not fuzzy:
                print(f"ok: {lang}: all {n_messages} messages translated")
                continue
            failed = True
            for title, bad in (("untranslated", untranslated), ("fuzzy", fuzzy)):
                if bad:
                    print(f"{lang}: {len(bad)} of {n_messages} messages {title}:")
                    for entry in bad:
                        print(f"  {describe(entry)}")
    if failed:
        print("Refresh the catalogues with: meson compile -C BUILDDIR action-set-update-po")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
