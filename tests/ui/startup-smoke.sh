#!/usr/bin/env bash
# startup-smoke.sh: the real binaries, end to end. The CLI makes a demo
# workspace; the app opens it and exits after its first frame (status 0).
# A file that is not a workspace opens the error page instead (status 1).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cli=$1
app=$2

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "startup-smoke: no display; run it through build-aux/test.sh" >&2
    exit 1
  fi
  echo "startup-smoke: no display, skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" demo --workspace "$tmp/demo.db" --cis 200 >/dev/null
timeout 30 "$app" --workspace "$tmp/demo.db" --exit-after-startup

head -c 4096 /dev/urandom >"$tmp/random.db"
before=$(sha256sum <"$tmp/random.db")
rc=0
timeout 30 "$app" --workspace "$tmp/random.db" --exit-after-startup || rc=$?
if [ "$rc" -ne 1 ]; then
  echo "startup-smoke: expected status 1 on a file of random bytes, got $rc" >&2
  exit 1
fi
after=$(sha256sum <"$tmp/random.db")
if [ "$before" != "$after" ]; then
  echo "startup-smoke: the refused file was changed" >&2
  exit 1
fi
echo "startup-smoke: ok"
