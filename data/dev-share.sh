#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills the build tree's XDG data folder, which build-aux/dev puts on
# XDG_DATA_DIRS, with the MIME type and the icons, so that the uninstalled app
# knows its file type and shows its icon. The MIME database it builds holds
# only our own type, so this takes a few milliseconds.
#
#   dev-share.sh SHARE_DIR STAMP MIME_XML ICON SYMBOLIC_ICON

set -eu

share=$1 stamp=$2 mime=$3 icon=$4 symbolic=$5

mkdir -p "$share/mime/packages" \
         "$share/icons/hicolor/scalable/apps" \
         "$share/icons/hicolor/symbolic/apps"
cp "$mime" "$share/mime/packages/"
cp "$icon" "$share/icons/hicolor/scalable/apps/"
cp "$symbolic" "$share/icons/hicolor/symbolic/apps/"
# Naming the folder in XDG_DATA_DIRS keeps update-mime-database from adding a
# note that it is not searched.
XDG_DATA_DIRS="$share" update-mime-database "$share/mime"
touch "$stamp"
