#!/usr/bin/env bash
# test.sh: installs what is missing, builds, then runs every meson test
# headless, the same way on a laptop and in CI:
#   throwaway HOME and XDG folders -> private D-Bus session (dbus-run-session)
#   -> Xvfb (xvfb-run) -> an unlocked throwaway gnome-keyring -> meson test.
# Ends with one line: "N passed, N failed, N skipped".
#
# Usage: build-aux/test.sh [extra meson test arguments, e.g. --suite display]
# Env:   BUILD_DIR (default _build), MESON_SETUP_ARGS
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1-}" = --inner ]; then
  # Inside dbus-run-session and xvfb-run. --foreground and & keep the keyring's
  # PID ours: a daemonised one outlives the bus and races its own start.
  shift
  printf '%s' "$KEYRING_PASSWORD" |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$TEST_TMP/keyring.log" 2>&1 &
  keyring_pid=$!
  trap 'kill "$keyring_pid" 2>/dev/null || true; wait "$keyring_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
         --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null |
         grep -q true; then
      break
    fi
    sleep 0.1
  done
  rc=0
  meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 "$@" || rc=$?
  exit "$rc"
fi

# shellcheck source=build-aux/install-deps.sh
. build-aux/install-deps.sh
cw_install_deps

BUILD_DIR=${BUILD_DIR:-_build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$BUILD_DIR" ${MESON_SETUP_ARGS:-}
fi
meson compile -C "$BUILD_DIR"

TEST_TMP=$(mktemp -d)
trap 'rm -rf "$TEST_TMP"' EXIT
mkdir -p "$TEST_TMP/home" "$TEST_TMP/run"
chmod 700 "$TEST_TMP/run"
# Set before dbus-run-session: services it activates inherit the bus's environment.
export TEST_TMP BUILD_DIR
export HOME="$TEST_TMP/home" XDG_RUNTIME_DIR="$TEST_TMP/run"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export KEYRING_PASSWORD=ci-throwaway-keyring
# Never talk to a developer's real session, and no X11 autolaunch of D-Bus.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XAUTHORITY

rm -f "$BUILD_DIR"/meson-logs/testlog*.json
rc=0
# -f: our own auth file, so xvfb-run makes no temporary folder of its own.
dbus-run-session -- \
  xvfb-run -a -f "$TEST_TMP/Xauthority" -e "$TEST_TMP/xvfb.log" \
    -s "-screen 0 1280x1024x24 -nolisten tcp" \
    bash build-aux/test.sh --inner "$@" 2> >(grep -v 'Failed to set fd limit' >&2) || rc=$?

logs=("$BUILD_DIR"/meson-logs/testlog*.json)
if [ -f "${logs[0]}" ]; then
  python3 - "${logs[@]}" <<'PY'
import json, sys
n = {"passed": 0, "failed": 0, "skipped": 0}
for log in sys.argv[1:]:
    for line in open(log):
        result = json.loads(line)["result"]
        key = "passed" if result in ("OK", "EXPECTEDFAIL") else "skipped" if result == "SKIP" else "failed"
        n[key] += 1
print(f"{n['passed']} passed, {n['failed']} failed, {n['skipped']} skipped")
PY
else
  echo "0 passed, 1 failed, 0 skipped"
  [ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"
