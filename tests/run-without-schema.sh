#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The app runs a meeting with the projected view open, and paints its first
# frame, when its GSettings schema is not installed (a build run in place):
# settings then last for the session, and nothing aborts.
#
#   run-without-schema.sh APP EXAMPLE
set -eu
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
cp "$2" "$home/set.actionset"
echo "1..1"
if env -u GSETTINGS_SCHEMA_DIR GSETTINGS_BACKEND=memory \
     XDG_STATE_HOME="$home/state" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
     ACTION_SET_EXIT_AFTER_FIRST_FRAME=1 \
     timeout 60 "$1" --run-meeting=next --projector "$home/set.actionset" >"$home/out" 2>"$home/err" &&
   grep -q '^first-frame ' "$home/out"; then
  echo "ok 1 /app/run-without-schema"
else
  sed 's/^/# /' "$home/err"
  echo "not ok 1 /app/run-without-schema"
fi
