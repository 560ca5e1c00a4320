#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the live meeting's two windows has a name a screen reader
can say (from a label, a tooltip or a labelling relation, as GTK gives it):
runs the app on a copy of the example set with the projected window open,
as a screen reader sees it through AT-SPI, and walks both windows. GTK 4.8
marks widgets visible but not showing, so every visible control counts,
also on the pages not shown.

    a11y-names.py APP EXAMPLE

Prints TAP. Skips without a display or without pyatspi."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch",
    "menu button", "combo box", "spin button", "slider", "text", "entry",
}


def skip(reason):
    print("1..0 # SKIP %s" % reason)
    sys.exit(0)


def main(argv):
    if not os.environ.get("DISPLAY"):
        skip("no display")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        skip("no session bus")
    # The suite turns accessibility off for the widget tests; this one is
    # about it, for the app and for this client alike.
    for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
        os.environ.pop(name, None)
    # This client's own warnings (the accessibility bus answering late) are
    # not the app's: only the app runs with G_DEBUG.
    app_debug = os.environ.pop("G_DEBUG", None)
    try:
        import pyatspi
    except ImportError:
        skip("pyatspi is not installed")

    app_path, example = argv[1], argv[2]
    home = tempfile.mkdtemp(prefix="a11y-")
    copy = os.path.join(home, "set.actionset")
    shutil.copyfile(example, copy)
    env = dict(os.environ)
    if app_debug:
        env["G_DEBUG"] = app_debug
    env.update({
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
    })
    err_path = os.path.join(home, "stderr")

    def start():
        return subprocess.Popen([app_path, "--run-meeting=next", "--projector", copy], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=open(err_path, "w"))

    # On a machine whose X servers other programs start and stop too, the
    # first connection is now and then refused: that is the display's
    # business, not the app's, and a second start tells them apart.
    proc = start()
    for _ in range(2):
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            break
        with open(err_path, errors="replace") as f:
            if "cannot open display" not in f.read():
                break
        time.sleep(1)
        proc = start()
    failures = []
    frames = []
    try:
        deadline = time.monotonic() + 30
        app = None
        while time.monotonic() < deadline:
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                candidate = desktop.getChildAtIndex(i)
                if candidate is not None and candidate.get_process_id() == proc.pid:
                    app = candidate
            if app is not None:
                frames = [app.getChildAtIndex(i) for i in range(app.childCount)]
                frames = [f for f in frames if f is not None and f.getRoleName() == "frame"]
                if len(frames) >= 2:
                    break
            time.sleep(0.25)
        if len(frames) < 2:
            print("1..1")
            with open(err_path, errors="replace") as f:
                for line in f.read().splitlines()[-20:]:
                    print("# " + line)
            print("# the app %s" % ("runs" if proc.poll() is None else "exited %d" % proc.returncode))
            print("not ok 1 /a11y/windows # found %d windows" % len(frames))
            return 1
        # Let both windows fill in.
        time.sleep(1)

        def walk(node, path, depth=0):
            if node is None or depth > 60:
                return
            role = node.getRoleName()
            state = node.getState()
            if role in CONTROL_ROLES and state.contains(pyatspi.STATE_VISIBLE):
                name = (node.name or "").strip()
                labelled = any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                               for r in node.getRelationSet())
                if os.environ.get("A11Y_LIST"):
                    print("# %s %r" % (role, name))
                if not name and not labelled:
                    failures.append("%s > %s without a name" % (path, role))
            for i in range(node.childCount):
                walk(node.getChildAtIndex(i), path + "/" + role, depth + 1)

        titles = sorted(f.name for f in frames)
        for frame in frames:
            walk(frame, frame.name)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)

    print("1..2")
    projected = [t for t in titles if "Projected" in t]
    print("%s 1 /a11y/projected-window # %s" % ("ok" if projected else "not ok", " | ".join(titles)))
    for failure in failures:
        print("# " + failure)
    print("%s 2 /a11y/control-names" % ("not ok" if failures else "ok"))
    return 1 if failures or not projected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
