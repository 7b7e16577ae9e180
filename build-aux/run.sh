#!/usr/bin/env bash
# run.sh: installs what is missing, builds, creates the demo workspace if it
# is absent, and starts Changeward on it.
#
# Usage: build-aux/run.sh [extra arguments for changeward]
# Env:   BUILD_DIR (default _build), CHANGEWARD_DEMO (the demo workspace's path)
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=build-aux/install-deps.sh
. build-aux/install-deps.sh
cw_install_deps

BUILD_DIR=${BUILD_DIR:-_build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  meson setup "$BUILD_DIR"
fi
meson compile -C "$BUILD_DIR"

demo=${CHANGEWARD_DEMO:-${XDG_DATA_HOME:-$HOME/.local/share}/changeward/demo.db}
if [ ! -e "$demo" ]; then
  mkdir -p "$(dirname "$demo")"
  "$BUILD_DIR/src/cli/changeward-cli" demo --workspace "$demo"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: there is no display to show the window on." >&2
  echo "Run it from a desktop session, or headless with: xvfb-run -a build-aux/run.sh" >&2
  exit 1
fi

# Run from the build folder: its compiled settings schema, no installation.
export GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "$BUILD_DIR/src/changeward" --workspace "$demo" "$@"
