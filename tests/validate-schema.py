#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates set files against the JSON Schema of the file format.

    validate-schema.py SCHEMA VALID_FILE... [--invalid INVALID_FILE...]

Checks that the schema is a valid draft 2020-12 schema, that every valid
file passes and every invalid file fails, and that a set of small edits of
the first valid file (a bad colour, an unknown enum value, a number out of
range...) each make it fail, so that the schema is known to constrain what
it claims to. Exits 77 (skipped) when python3-jsonschema is missing.
"""

import copy
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def first(document, *path):
    """The object at a path of names and indices, such as ("meetings", 0)."""
    node = document
    for key in path:
        node = node[key]
    return node


def set_member(*path, name, value):
    def edit(document):
        first(document, *path)[name] = value
    return edit


def drop_member(*path, name):
    def edit(document):
        del first(document, *path)[name]
    return edit


# Edits of a valid file that the schema must refuse: (what, edit).
BREAKAGES = [
    ("no format", drop_member(name="format")),
    ("another format", set_member(name="format", value="org.example.Other")),
    ("major version 2", set_member("format_version", name="major", value=2)),
    ("an id that is not a UUID", set_member(name="id", value="not-a-uuid")),
    ("a line break in a one-line field", set_member(name="facilitator", value="Ruth\nEllison")),
    ("a number out of range", set_member(name="warning_seconds", value=3601)),
    ("a number below its minimum", set_member(name="monologue_seconds", value=9)),
    ("a fraction where a whole number goes", set_member(name="present_minutes", value=7.5)),
    ("a number as a string", set_member(name="questions_minutes", value="15")),
    ("a member without a name", drop_member("members", 0, name="name")),
    ("a colour without #", set_member("members", 0, name="colour", value="0072b2")),
    ("a colour name", set_member("members", 0, name="colour", value="blue")),
    ("a boolean as a string", set_member("members", 0, name="active", value="true")),
    ("a meeting without a start", drop_member("meetings", 0, name="start")),
    ("a start without an offset", set_member("meetings", 0, name="start", value="2026-09-17T09:30:00")),
    ("a start that is a date", set_member("meetings", 0, name="start", value="2026-09-17")),
    ("an unknown meeting state", set_member("meetings", 0, name="state", value="cancelled")),
    ("an attendee that is not an id", set_member("meetings", 0, name="attendees", value=["Priya"])),
    ("a round without a presenter", drop_member("meetings", 0, "rounds", 0, name="presenter")),
    ("an unknown step kind", set_member("meetings", 0, "rounds", 0, "steps", 0, name="kind", value="break")),
    ("a negative budget", set_member("meetings", 0, "rounds", 0, "steps", 0, name="budget_minutes", value=-1)),
    ("an unknown timer event", set_member("meetings", 0, "timer_events", 0, name="kind", value="skip")),
    ("a turn longer than a day", set_member("meetings", 0, "turns", 0, name="duration_ms", value=86400001)),
    ("an unknown question tag", set_member("meetings", 0, "questions", 0, name="tag", value="rhetorical")),
    ("a question without text", drop_member("meetings", 0, "questions", 0, name="text")),
    ("a reflection without a member", drop_member("meetings", 0, "reflections", 0, name="member")),
    ("a due date with a time", set_member("actions", 0, name="due", value="2026-10-15T09:30:00Z")),
    ("an unknown action status", set_member("actions", 0, name="status", value="blocked")),
    ("a status change without a time", drop_member("actions", 0, "history", 0, name="at")),
    ("a list that is an object", set_member(name="members", value={})),
]


def main(argv):
    schema_path = argv[1]
    valid, invalid = [], []
    target = valid
    for arg in argv[2:]:
        if arg == "--invalid":
            target = invalid
        else:
            target.append(arg)

    schema = load(schema_path)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    # FORMAT_CHECKER is newer than the jsonschema of Debian 12 (4.10).
    checker = getattr(cls, "FORMAT_CHECKER", None)
    if checker is None:
        checker = jsonschema.draft202012_format_checker
    validator = cls(schema, format_checker=checker)

    failures = 0
    tests = 0

    def report(ok, what):
        nonlocal failures, tests
        tests += 1
        print(("ok" if ok else "FAIL") + ": " + what)
        if not ok:
            failures += 1

    for path in valid:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        for error in errors[:20]:
            where = "$" + "".join("[%d]" % p if isinstance(p, int) else "." + p
                                  for p in error.absolute_path)
            print("  %s: %s: %s" % (path, where, error.message))
        report(not errors, "%s is valid" % path)

    for path in invalid:
        report(not validator.is_valid(load(path)), "%s is refused" % path)

    if valid:
        base = load(valid[0])
        for what, edit in BREAKAGES:
            document = copy.deepcopy(base)
            try:
                edit(document)
            except (KeyError, IndexError):
                report(False, "%s: %s cannot be made (the file lacks the part)" % (valid[0], what))
                continue
            report(not validator.is_valid(document), "%s is refused" % what)

        # And members this version does not know are allowed everywhere.
        document = copy.deepcopy(base)
        document["x_future"] = {"nested": [1, 2.5, None]}
        first(document, "members", 0)["pronouns"] = "she/her"
        first(document, "meetings", 0, "questions", 0)["follow_up"] = True
        report(validator.is_valid(document), "unknown members are allowed")

    print("%d checks, %d failed" % (tests, failures))
    return 1 if failures or tests == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
