#!/usr/bin/env bash
# Benchmarks for Changeward.
#
#   build-aux/bench.sh startup [--runs N] [--cis N]
#
# startup: process start to the first frame of the main window on a demo workspace, against the
# floor, an empty AdwApplicationWindow (tests/bench/cw-bench-empty-window) of the same default
# size, timed in the same run. "First frame" is the window's first GdkFrameClock::after-paint;
# both programs _exit(0) there (`changeward --exit-after-startup`). Each run is timed from fork
# to reap with a monotonic clock. After one discarded warm-up run of each, the two alternate,
# N runs each (N >= 5, default 21). Prints both medians and their ratio. Target: ratio <= 1.30.
#   --runs N   runs of each program (N >= 5; default 21)
#   --cis N    passed to `changeward-cli demo` (default: the CLI's default size)
#
# Steps: build ($BUILD_DIR, `meson setup` first if it is not configured) -> demo workspace in a
# temp dir -> without $DISPLAY, throwaway HOME/XDG dirs -> dbus-run-session -> xvfb-run -a
# (cairo renderer) -> timing (embedded python3). With $DISPLAY set, that display is used as is
# (through a private D-Bus session if there is none); XDG data/config/cache/state dirs are
# still throwaway ones.
#
# Exit status: 0 PASS, 1 FAIL or the benchmark could not run (a failed build, a run that exits
# non-zero or takes over 30 s), 2 usage error.
#
# Env:
#   BUILD_DIR          build directory (default _build)
#   MESON_SETUP_ARGS   extra `meson setup` arguments, when the script configures BUILD_DIR
# Testing hooks (the figures they give are not the benchmark's):
#   BENCH_EMPTY_CMD    command run instead of the empty window (split like a shell would)
#   BENCH_APP_CMD      command run instead of `changeward --workspace WS --exit-after-startup`;
#                      no demo workspace is created. With both hooks set nothing is built, so
#                      the script can be proven without the app, e.g. with a standalone build
#                      of cw-bench-empty-window in both slots.
set -euo pipefail

TARGET_RATIO=1.30
RUN_TIMEOUT_S=30

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$self")/.."

usage() {
  cat <<'EOF'
Usage: build-aux/bench.sh startup [--runs N] [--cis N]

  startup   time process start -> first frame of the main window on a demo workspace
            (Xvfb, cairo renderer) against an empty AdwApplicationWindow; target ratio <= 1.30
  --runs N  runs of each program, N >= 5 (default 21)
  --cis N   size of the demo workspace, passed to `changeward-cli demo` (default: the CLI's)

Env: BUILD_DIR (default _build), MESON_SETUP_ARGS; testing hooks BENCH_EMPTY_CMD, BENCH_APP_CMD.
Exit status: 0 PASS, 1 FAIL or error, 2 usage error.
EOF
}

die() {
  echo "bench.sh: $*" >&2
  exit 1
}

# ---- timing: runs inside the display (and D-Bus session) --------------------------------------
if [ "${1-}" = --inner ]; then
  exec python3 - "$RUN_TIMEOUT_S" "$TARGET_RATIO" <<'PY'
import os, shlex, statistics, subprocess, sys, threading, time

timeout_s = float(sys.argv[1])
target = float(sys.argv[2])
env = os.environ
runs = int(env["BENCH_RUNS"])
tmp = env["BENCH_TMP"]
build_dir = env["BUILD_DIR"]
open(os.path.join(tmp, "started"), "w").close()


def die(msg, log=None):
    print(f"bench.sh: {msg}", file=sys.stderr)
    if log:
        with open(log, errors="replace") as f:
            lines = f.read().splitlines()
        if lines:
            print("  last lines of its output:", file=sys.stderr)
            for line in lines[-20:]:
                print(f"    {line}", file=sys.stderr)
    sys.exit(1)


if env.get("BENCH_EMPTY_CMD"):
    empty_argv = shlex.split(env["BENCH_EMPTY_CMD"])
else:
    empty_argv = [os.path.join(build_dir, "tests", "bench", "cw-bench-empty-window")]
if env.get("BENCH_APP_CMD"):
    app_argv = shlex.split(env["BENCH_APP_CMD"])
    app_label = "app (BENCH_APP_CMD)"
    what = "BENCH_APP_CMD instead of changeward"
else:
    app_argv = [os.path.join(build_dir, "src", "changeward"),
                "--workspace", env["BENCH_WORKSPACE"], "--exit-after-startup"]
    app_label = "changeward on demo"
    cis = env.get("BENCH_CIS")
    what = f"demo workspace with {cis} CIs" if cis else "demo workspace of the CLI's default size"

slots = {"empty": ("empty AdwApplicationWindow", empty_argv),
         "app": (app_label, app_argv)}
times = {"empty": [], "app": []}


def run_once(slot, run_name):
    label, argv = slots[slot]
    log = os.path.join(tmp, f"{slot}-{run_name}.log")
    timed_out = threading.Event()
    with open(log, "wb") as out:
        t0 = time.monotonic_ns()
        try:
            p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT)
        except OSError as e:
            die(f"{label}: cannot start {shlex.join(argv)}: {e}")
        # A blocking wait, with a watchdog: Popen.wait(timeout=...) polls with sleeps of up
        # to 50 ms, which would swamp what is being measured.
        def watchdog():
            timed_out.set()
            p.kill()
        timer = threading.Timer(timeout_s, watchdog)
        timer.start()
        rc = p.wait()
        t1 = time.monotonic_ns()
        timer.cancel()
    if timed_out.is_set():
        die(f"{label}, {run_name} run: no first frame within {timeout_s:g} s, killed"
            f" ({shlex.join(argv)})", log)
    if rc != 0:
        status = f"was killed by signal {-rc}" if rc < 0 else f"exited with status {rc}"
        die(f"{label}, {run_name} run {status} ({shlex.join(argv)})", log)
    return (t1 - t0) / 1e6


run_once("empty", "warm-up")
run_once("app", "warm-up")
for i in range(1, runs + 1):
    for slot in ("empty", "app"):
        times[slot].append(run_once(slot, f"#{i}"))

med = {slot: statistics.median(t) for slot, t in times.items()}
ratio = med["app"] / med["empty"]
ok = ratio <= target
shown = f"{ratio:.2f}"
if not ok and float(shown) <= target:  # never print "1.30 ... FAIL"
    shown = f"{ratio:.3f}"

print(f"startup ({env['BENCH_DISPLAY_DESC']}, GSK_RENDERER=cairo, {runs} runs each, {what})")
for slot, t in times.items():
    print(f"  {slots[slot][0]:<26} : median {med[slot]:.1f} ms"
          f" (min {min(t):.1f}, max {max(t):.1f})")
print(f"  {'ratio':<26} : {shown} (target <= {target:.2f}): {'PASS' if ok else 'FAIL'}")
with open(os.path.join(tmp, "verdict"), "w") as f:
    f.write("PASS\n" if ok else "FAIL\n")
sys.exit(0 if ok else 1)
PY
fi

# ---- arguments ----------------------------------------------------------------------------------
if [ $# -eq 0 ]; then
  usage >&2
  exit 2
fi
case "$1" in
  startup) shift ;;
  -h | --help)
    usage
    exit 0
    ;;
  *)
    echo "bench.sh: unknown sub-command '$1'" >&2
    usage >&2
    exit 2
    ;;
esac

runs=21
cis=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs | --cis)
      if [ $# -lt 2 ]; then
        echo "bench.sh: $1 needs a value" >&2
        usage >&2
        exit 2
      fi
      opt=$1 val=$2
      shift 2
      ;;
    --runs=* | --cis=*)
      opt=${1%%=*} val=${1#*=}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "bench.sh: unknown argument '$1'" >&2
      usage >&2
      exit 2
      ;;
  esac
  if ! [[ $val =~ ^[0-9]+$ ]]; then
    echo "bench.sh: $opt needs a whole number, not '$val'" >&2
    exit 2
  fi
  val=$((10#$val))
  if [ "$opt" = --runs ]; then
    if [ "$val" -lt 5 ]; then
      echo "bench.sh: --runs must be at least 5 (a median of fewer runs is noise), not $val" >&2
      exit 2
    fi
    runs=$val
  else
    if [ "$val" -lt 1 ]; then
      echo "bench.sh: --cis must be at least 1" >&2
      exit 2
    fi
    cis=$val
  fi
done

# ---- build --------------------------------------------------------------------------------------
BUILD_DIR=${BUILD_DIR:-_build}
if [ -n "${BENCH_EMPTY_CMD-}" ] && [ -n "${BENCH_APP_CMD-}" ]; then
  echo "bench.sh: BENCH_EMPTY_CMD and BENCH_APP_CMD set: testing hooks, nothing is built" >&2
else
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    # shellcheck disable=SC2086 # MESON_SETUP_ARGS is a list of arguments
    meson setup "$BUILD_DIR" ${MESON_SETUP_ARGS:-} || die "meson setup $BUILD_DIR failed"
  fi
  meson compile -C "$BUILD_DIR" || die "the build failed"
fi
case $BUILD_DIR in
  /*) ;;
  *) BUILD_DIR="$PWD/$BUILD_DIR" ;;
esac

if [ -z "${BENCH_EMPTY_CMD-}" ] && [ ! -x "$BUILD_DIR/tests/bench/cw-bench-empty-window" ]; then
  die "$BUILD_DIR/tests/bench/cw-bench-empty-window was not built (it is built with the tests: -Dtests=true)"
fi
if [ -z "${BENCH_APP_CMD-}" ]; then
  for exe in src/changeward src/cli/changeward-cli; do
    [ -x "$BUILD_DIR/$exe" ] || die "$BUILD_DIR/$exe was not built"
  done
fi

# ---- temp dirs and the demo workspace -----------------------------------------------------------
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/changeward-bench.XXXXXX")
trap 'rm -rf "$BENCH_TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

BENCH_WORKSPACE=
if [ -z "${BENCH_APP_CMD-}" ]; then
  BENCH_WORKSPACE="$BENCH_TMP/demo-workspace"
  cli_args=(demo --workspace "$BENCH_WORKSPACE")
  [ -z "$cis" ] || cli_args+=(--cis "$cis")
  if ! "$BUILD_DIR/src/cli/changeward-cli" "${cli_args[@]}" >"$BENCH_TMP/demo.log" 2>&1; then
    cat "$BENCH_TMP/demo.log" >&2
    die "changeward-cli ${cli_args[*]} failed"
  fi
fi

# ---- environment of the timed programs ----------------------------------------------------------
export BENCH_TMP BUILD_DIR BENCH_WORKSPACE
export BENCH_RUNS=$runs BENCH_CIS=$cis
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data"
# Debug output would be timed too.
unset G_MESSAGES_DEBUG GTK_DEBUG GSK_DEBUG
# Nothing is read from, or remembered in, the user's own dirs.
mkdir -p "$BENCH_TMP/home" "$BENCH_TMP/run"
chmod 700 "$BENCH_TMP/run"
export XDG_DATA_HOME="$BENCH_TMP/home/.local/share" XDG_CONFIG_HOME="$BENCH_TMP/home/.config"
export XDG_CACHE_HOME="$BENCH_TMP/home/.cache" XDG_STATE_HOME="$BENCH_TMP/home/.local/state"

# Runs "$@" with dbus-run-session's "Failed to set fd limit" noise (as root) filtered out of
# stderr; returns the status of "$@".
run_filtered() {
  local rc
  set +e
  { "$@" 2>&1 1>&3 3>&- | grep -v --line-buffered 'Failed to set fd limit' >&2; } 3>&1
  rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

rc=0
if [ -z "${DISPLAY-}" ]; then
  # Set BEFORE dbus-run-session: D-Bus-activated services inherit the bus daemon's env, not ours.
  export HOME="$BENCH_TMP/home" XDG_RUNTIME_DIR="$BENCH_TMP/run"
  # Never talk to a developer's real session, and no X11 autolaunch of stray dbus-daemons.
  unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XAUTHORITY
  export BENCH_DISPLAY_DESC=Xvfb
  # -f: our own auth file, so xvfb-run makes no temp dir of its own (its failed cleanup => exit 5).
  run_filtered dbus-run-session -- \
    xvfb-run -a -f "$BENCH_TMP/Xauthority" -e "$BENCH_TMP/xvfb.log" \
    -s "-screen 0 1920x1080x24 -nolisten tcp" \
    bash "$self" --inner || rc=$?
elif [ -z "${DBUS_SESSION_BUS_ADDRESS-}" ]; then
  export BENCH_DISPLAY_DESC="X display $DISPLAY"
  run_filtered dbus-run-session -- bash "$self" --inner || rc=$?
else
  export BENCH_DISPLAY_DESC="X display $DISPLAY"
  bash "$self" --inner || rc=$?
fi

# The timing marks its start, and writes its verdict last.
if [ ! -e "$BENCH_TMP/started" ]; then
  if [ -s "$BENCH_TMP/xvfb.log" ]; then
    echo "bench.sh: Xvfb's log:" >&2
    sed 's/^/  /' "$BENCH_TMP/xvfb.log" >&2
  fi
  die "could not start the timing under the display and D-Bus session (status $rc)"
fi
if [ ! -s "$BENCH_TMP/verdict" ]; then
  exit 1 # the timing has said why
fi
if [ "$(cat "$BENCH_TMP/verdict")" = PASS ]; then
  exit 0
fi
exit 1
