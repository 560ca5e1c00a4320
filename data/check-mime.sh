#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the MIME type definition: update-mime-database must accept it
# without a word of complaint, and, when gio is available, a set file must be
# recognised both by its extension and, without one, by its content, while
# plain JSON stays plain JSON.
#
#   check-mime.sh MIME_XML

set -eu

xml=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$xml" "$tmp/share/mime/packages/"

# update-mime-database reports problems on stderr but still exits 0, so any
# output at all is a failure. Naming the folder in XDG_DATA_DIRS keeps it
# from adding a note that the folder is not searched.
out=$(XDG_DATA_DIRS="$tmp/share" update-mime-database "$tmp/share/mime" 2>&1)
if [ -n "$out" ]; then
  printf '%s\n' "$out" >&2
  echo "FAIL: update-mime-database complained" >&2
  exit 1
fi
if ! grep -qx 'application/x-actionset' "$tmp/share/mime/types"; then
  echo "FAIL: application/x-actionset is not among the types" >&2
  exit 1
fi
echo "ok: update-mime-database accepts application/x-actionset"

if ! command -v gio >/dev/null 2>&1; then
  echo "gio not found: content sniffing not checked"
  exit 0
fi

printf '{\n  "format" : "org.example.ActionSet",\n  "version" : "1.0"\n}\n' \
  > "$tmp/northbridge.actionset"
cp "$tmp/northbridge.actionset" "$tmp/no-extension"
printf '{"format":"org.example.ActionSet","version":"1.0"}\n' > "$tmp/compact"
printf '{\n  "name" : "Not a set"\n}\n' > "$tmp/plain.json"

status=0
expect () {
  type=$(XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/share:/usr/local/share:/usr/share" \
         gio info -a standard::content-type "$tmp/$1" \
         | sed -n 's/^ *standard::content-type: //p')
  if [ "$type" = "$2" ]; then
    echo "ok: $1 is $2"
  else
    echo "FAIL: $1 is '$type', expected $2" >&2
    status=1
  fi
}

expect northbridge.actionset application/x-actionset
expect no-extension application/x-actionset
expect compact application/x-actionset
expect plain.json application/json
exit $status
