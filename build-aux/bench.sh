#!/usr/bin/env bash
# Benchmarks for Changeward.
#
#   build-aux/bench.sh startup [--runs N] [--cis N]
#   build-aux/bench.sh inventory [--cis N] [--runs N] [--import-runs N]
#   build-aux/bench.sh compat [--cis N] [--runs N]
#   build-aux/bench.sh runbook [--runs N]
#   build-aux/bench.sh calendar [--cis N] [--runs N]
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
# inventory: the Inventory figures of issue 3 on a demo workspace of N CIs (default 1,000,000),
# each printed as a median with min and max, its target, and PASS or FAIL:
#   1. import: the demo workspace is exported once to a native CSV (`changeward-cli inventory
#      export`), then `changeward-cli inventory import` reads it into a new empty workspace
#      (`changeward-cli demo --cis 0`: sites, people, no CIs), --import-runs times (>= 3,
#      default 3), each checked to hold about N CIs after (lines with the same serial merge).
#      Rows/s = the CSV's N lines / wall time >= 150,000 (median); peak RSS of the import
#      process (getrusage of the child) <= 300 MB (every run).
#   2. search as you type: tests/bench/cw-bench-inventory runs the app on the workspace with
#      the Inventory pane shown, waits for the first rows, then types 20 scripted keystrokes
#      into the pane's search entry, each timed from the text change to the first
#      after-paint after the pane has shown its results (its "busy" property turns FALSE).
#      Median <= 50 ms, worst <= 150 ms. Each step is also split into: to the query, the
#      query, GTK and the pane applying the result, and the frame.
#   3. sort: the same run then clears the search and sorts by each visible column, ascending
#      then descending (gtk_column_view_sort_by_column), timed the same way; <= 150 ms each.
#   4. start-up: `changeward --workspace W --exit-after-startup` (GSettings last-pane =
#      'inventory', through the keyfile backend in the throwaway config dir) against the
#      empty window, and cw-bench-inventory --first-rows (to the first frame showing rows,
#      for information), after a warm-up run of each, alternating, --runs times each (>= 5,
#      default 11). Ratio of the medians <= 1.50; the app's peak RSS up to its first frame
#      (getrusage of the child: it exits there) <= 250 MB (every run).
# The demo workspace and the CSV live in the temp dir of one invocation, removed at the end.
#
# compat: the check of issue 4. tests/bench/cw-bench-compat makes a workspace of its own in the
# temp dir (its own generator, no demo: 50 products x 100 versions in eight vendor formats, a
# rule per model and version field, upgrade paths with required hops, about 170,000 verdicts
# with caveats and incompatibilities, N CIs (default 20,000) over ten sites with relations of
# every kind), then evaluates upgrading the first quarter of them (5,000 CIs: cluster peers,
# dependencies and hosts around them) to a target version with cw_compat_check() on a
# read-only connection: one warm-up run, then --runs timed runs (>= 5, default 21), each timed
# in-process with a monotonic clock. Median <= 200 ms, printed with min and max, the report's
# blockers and warnings by kind; cw_compat_drift() over every CI is timed for information. No
# display and no D-Bus session: it is core code.
#
# runbook: the figures of issue 5. tests/bench/cw-bench-runbook generates a runbook of 2,000
# steps in 20 parallel streams (the same every time: each stream a chain through every phase
# with a rollback chain of its own, commands, gates, messages and sign-offs, a go/no-go for the
# whole change, about one step in eight also waiting for the neighbouring stream) and writes it
# as JSON (cw_runbook_to_json). Then, each as a median with min and max over --runs timed runs
# (>= 5, default 9) after a warm-up, timed in-process with a monotonic clock:
#   1. import: cw_runbook_from_json + cw_runbooks_import into a new empty workspace (made
#      before the clock starts); target median <= 200 ms;
#   2. critical path: cw_runbook_timing of the imported runbook; target median <= 10 ms;
#   3. editor: a CwRunbookEditor in a 1280 x 800 window, from cw_runbook_editor_set_runbook to
#      the end of the first frame after it (GdkFrameClock::after-paint), each run after a
#      one-step runbook (untimed); target median <= 300 ms;
#   4. timeline: a CwRunbookTimeline timed the same way, for information.
# Under Xvfb and a private D-Bus session like `startup` and `inventory` (cairo renderer).
#
# calendar: the figures of issue 6. tests/bench/cw-bench-calendar makes a demo workspace of N
# CIs (default 100,000; cw_demo_create on a fake clock: sites in eight time zones, relations,
# users, runbooks) in the temp dir, then a calendar on it, the same every time: 2,000
# maintenance windows in the sites' zones (by site, class or list of CIs; weekly, "second
# Sunday", monthly by date, daily, with COUNT or UNTIL, EXDATEs, moved occurrences, limits on
# concurrent changes), the year-end freezes and other block and warn blackouts, and 5,000
# planned works in 2027 (in windows, past their ends, anywhere, on related CIs at the same
# time, in blackouts; a third with a demo runbook; 50 assignees). Untimed. Then, each as a
# median with min and max over --runs timed runs (>= 5, default 9) after a warm-up, timed
# in-process with a monotonic clock:
#   1. conflicts: cw_schedule_conflicts over the year on a read-only connection; target median
#      <= 200 ms; the conflicts found are printed by kind and severity;
#   2. load: cw_calendar_items_load of the six weeks the month view shows for the busiest month
#      (occurrences, blackouts, planned work and their conflicts as items), for information;
#   3. draw: a CwCalendarMonthView in a 1280 x 800 window, from cw_calendar_view_set_date +
#      set_items with those items to the end of the next frame (GdkFrameClock::after-paint),
#      each run after another month without items (untimed); target median <= 16 ms;
#   4. redraw: gtk_widget_queue_draw on that month, laid out, to the next after-paint, for
#      information. (Every window's occurrences over the year are timed for information too.)
# Under Xvfb and a private D-Bus session like `runbook` (cairo renderer).
#
# Steps: build ($BUILD_DIR, `meson setup` first if it is not configured; `compat`, `runbook`
# and `calendar` build only cw-bench-compat, cw-bench-runbook and cw-bench-calendar) -> demo workspace in a
# temp dir (for `inventory`: made, exported and imported inside the timing) -> without $DISPLAY, throwaway HOME/XDG dirs -> dbus-run-session -> xvfb-run -a
# (cairo renderer) -> timing (embedded python3). With $DISPLAY set, that display is used as is
# (through a private D-Bus session if there is none); XDG data/config/cache/state dirs are
# still throwaway ones.
#
# Exit status: 0 PASS, 1 FAIL or the benchmark could not run (a failed build, a run that exits
# non-zero or takes over its time limit), 2 usage error.
#
# Env:
#   BUILD_DIR          build directory (default _build)
#   MESON_SETUP_ARGS   extra `meson setup` arguments, when the script configures BUILD_DIR
# Testing hooks for `startup` (the figures they give are not the benchmark's):
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
       build-aux/bench.sh inventory [--cis N] [--runs N] [--import-runs N]
       build-aux/bench.sh compat [--cis N] [--runs N]
       build-aux/bench.sh runbook [--runs N]
       build-aux/bench.sh calendar [--cis N] [--runs N]

  startup    time process start -> first frame of the main window on a demo workspace
             (Xvfb, cairo renderer) against an empty AdwApplicationWindow; target ratio <= 1.30
    --runs N   runs of each program, N >= 5 (default 21)
    --cis N    size of the demo workspace, passed to `changeward-cli demo` (default: the CLI's)

  inventory  on a demo workspace of N CIs: CSV import (rows/s, peak RSS), search as you type,
             sort by each column, and start-up on the Inventory pane against an empty window
    --cis N          size of the demo workspace (default 1000000)
    --runs N         start-up runs of each program, N >= 5 (default 11)
    --import-runs N  imports of the CSV, each into a new empty workspace, N >= 3 (default 3)

  compat     on a generated workspace (50 products x 100 versions): evaluate upgrading a
             quarter of its CIs, with their relations, to a target version; target median
             <= 200 ms
    --cis N    CIs in the workspace, N >= 8 (default 20000; the plan is a quarter of them)
    --runs N   timed runs of the check after a warm-up, N >= 5 (default 21)

  runbook    on a generated runbook of 2,000 steps in 20 streams: JSON import (target median
             <= 200 ms), critical path (<= 10 ms), the editor opened and drawn (<= 300 ms)
             and the timeline drawn (for information), under Xvfb
    --runs N   timed runs of each figure after a warm-up, N >= 5 (default 9)

  calendar   on a demo workspace of N CIs with 2,000 maintenance windows, blackouts and
             5,000 planned works in a year: all conflicts of the year (target median
             <= 200 ms), the busiest month loaded (for information), the month view drawn
             (<= 16 ms) and redrawn (for information), under Xvfb
    --cis N    size of the demo workspace, N >= 1000 (default 100000)
    --runs N   timed runs of each figure after a warm-up, N >= 5 (default 9)

Env: BUILD_DIR (default _build), MESON_SETUP_ARGS; testing hooks (startup only) BENCH_EMPTY_CMD,
BENCH_APP_CMD.
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

# ---- inventory figures: run inside the display (and D-Bus session) ----------------------------
if [ "${1-}" = --inner-inventory ]; then
  exec python3 - <<'PY'
import json, os, shlex, sqlite3, statistics, subprocess, sys, textwrap, threading, time

env = os.environ
tmp = env["BENCH_TMP"]
build_dir = env["BUILD_DIR"]
n_cis = int(env["BENCH_CIS"])
runs = int(env["BENCH_RUNS"])
import_runs = int(env["BENCH_IMPORT_RUNS"])
open(os.path.join(tmp, "started"), "w").close()

CLI = os.path.join(build_dir, "src", "cli", "changeward-cli")
APP = os.path.join(build_dir, "src", "changeward")
EMPTY = os.path.join(build_dir, "tests", "bench", "cw-bench-empty-window")
PANE = os.path.join(build_dir, "tests", "bench", "cw-bench-inventory")
WORKSPACE = os.path.join(tmp, "inventory.cw")
CSV = os.path.join(tmp, "inventory.csv")

# Targets (issue 3, "Benchmark").
IMPORT_ROWS_S = 150_000
IMPORT_RSS_MB = 300
KEY_MEDIAN_MS = 50
KEY_WORST_MS = 150
SORT_MS = 150
STARTUP_RATIO = 1.50
STARTUP_RSS_MB = 250

# Time limits per run, in seconds: generous, they only stop a hung run.
SETUP_TIMEOUT_S = 1800
IMPORT_TIMEOUT_S = 600
PANE_TIMEOUT_S = 900
STARTUP_TIMEOUT_S = 60


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


def reset_settings():
    """Every run starts from the same settings: the window on the Inventory pane, the
    columns as shipped. The pane saves its column state, and a run that sorted would
    otherwise hand its sort to the next."""
    keyfile = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
    with open(keyfile, "w") as f:
        f.write("[io/github/changeward/Changeward]\nlast-pane='inventory'\n")


def run(argv, name, timeout_s):
    """Runs argv to its end; returns (wall ms, peak RSS of the child in kB, log path).
    Timed from fork to reap with a monotonic clock; the peak RSS is the child's own
    ru_maxrss (wait4), which no other process adds to."""
    log = os.path.join(tmp, f"{name}.log")
    timed_out = threading.Event()
    reset_settings()
    with open(log, "wb") as out:
        t0 = time.monotonic_ns()
        try:
            p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT)
        except OSError as e:
            die(f"cannot start {shlex.join(argv)}: {e}")
        # A blocking wait, with a watchdog: polling would swamp what is measured.
        def watchdog():
            timed_out.set()
            p.kill()
        timer = threading.Timer(timeout_s, watchdog)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        t1 = time.monotonic_ns()
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    if timed_out.is_set():
        die(f"{name}: not done within {timeout_s:g} s, killed ({shlex.join(argv)})", log)
    rc = p.returncode
    if rc != 0:
        how = f"was killed by signal {-rc}" if rc < 0 else f"exited with status {rc}"
        with open(log, errors="replace") as f:
            if "Operation was cancelled" in f.read():
                # changeward-cli cancels on SIGINT only, and nothing here sends one.
                how += ", cancelled by a SIGINT from another process"
        die(f"{name} {how} ({shlex.join(argv)})", log)
    return (t1 - t0) / 1e6, usage.ru_maxrss, log


def count_cis(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM cis").fetchone()[0]
    finally:
        db.close()


def remove_workspace(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass


def mb(kb):
    return kb * 1024 / 1e6


def spread(values, fmt):
    return (f"median {fmt(statistics.median(values))}"
            f" (min {fmt(min(values))}, max {fmt(max(values))})")


verdicts = []


def verdict(ok):
    verdicts.append(ok)
    return "PASS" if ok else "FAIL"


def ms(v):
    return f"{v:.1f} ms"


def say(indent, text):
    """Prose, wrapped at 100 columns; continuation lines two columns further in."""
    print(textwrap.fill(text, 100, initial_indent=" " * indent,
                        subsequent_indent=" " * (indent + 2)))


def step(s):
    """One timed step of the pane, with where its time went."""
    if s["ms"] < 0:
        return "no results within the time limit"
    return (f"{s['ms']:7.1f} ms = {s['to_busy_ms']:.1f} + {s['query_ms']:.1f}"
            f" + {s['apply_ms']:.1f} + {s['frame_ms']:.1f}")


# ---- the workspace and its CSV, made once per invocation -------------------------------------
# Other work on the machine skews every figure: the load average says how much there was.
load_at_start = os.getloadavg()[0]
gen_ms, _, _ = run([CLI, "demo", "--workspace", WORKSPACE, "--cis", str(n_cis)], "demo",
                   SETUP_TIMEOUT_S)
have = count_cis(WORKSPACE)
if have != n_cis:
    die(f"the demo workspace holds {have} CIs, not {n_cis}")
export_ms, _, _ = run([CLI, "inventory", "export", "--workspace", WORKSPACE, "--output", CSV],
                      "export", SETUP_TIMEOUT_S)
csv_mb = os.path.getsize(CSV) / 1e6

say(0, f"inventory ({env['BENCH_DISPLAY_DESC']}, GSK_RENDERER=cairo, {os.cpu_count()} CPUs, load"
       f" average {load_at_start:.2f} at the start; demo workspace of {n_cis:,} CIs made in"
       f" {gen_ms / 1000:.1f} s, exported to a {csv_mb:.0f} MB native CSV in"
       f" {export_ms / 1000:.1f} s)")
sys.stdout.flush()

# ---- 1. import -------------------------------------------------------------------------------
rates, peaks, walls, counts = [], [], [], set()
for i in range(1, import_runs + 1):
    target = os.path.join(tmp, f"import-{i}.cw")
    run([CLI, "demo", "--workspace", target, "--cis", "0"], f"import-{i}-empty", SETUP_TIMEOUT_S)
    wall, peak_kb, _ = run([CLI, "inventory", "import", "--workspace", target, CSV],
                           f"import-{i}", IMPORT_TIMEOUT_S)
    # Rows/s counts the CSV's data lines; a few of them may be merged into one CI (the import
    # matches on serial too), but an import that dropped lines has not done the work timed.
    have = count_cis(target)
    if have < n_cis * 0.99:
        die(f"import run {i}: the workspace holds {have:,} CIs after the import, not {n_cis:,}",
            os.path.join(tmp, f"import-{i}.log"))
    counts.add(have)
    remove_workspace(target)
    walls.append(wall)
    rates.append(n_cis / (wall / 1000))
    peaks.append(mb(peak_kb))

say(2, f"1. import: `changeward-cli inventory import` of the CSV into a new empty workspace"
       f" (sites, no CIs), {import_runs} runs")
print(f"     {'rows/s':<24}: {spread(rates, lambda v: f'{v:,.0f}')}"
      f"  target median >= {IMPORT_ROWS_S:,}: {verdict(statistics.median(rates) >= IMPORT_ROWS_S)}")
print(f"     {'wall time':<24}: {spread(walls, lambda v: f'{v / 1000:.2f} s')}")
print(f"     {'peak RSS (getrusage)':<24}: {spread(peaks, lambda v: f'{v:.0f} MB')}"
      f"  target every run <= {IMPORT_RSS_MB} MB: {verdict(max(peaks) <= IMPORT_RSS_MB)}")
if counts != {n_cis}:
    with open(os.path.join(tmp, "import-1.log"), errors="replace") as f:
        said = " ".join(f.read().split())
    say(5, f"note: the {n_cis:,} lines gave {' or '.join(f'{c:,}' for c in sorted(counts))}"
           f" CIs, not {n_cis:,}; the import said: {said}")
sys.stdout.flush()

# ---- 2. and 3. search as you type, sort --------------------------------------------------------
out = os.path.join(tmp, "pane.json")
run([PANE, "--workspace", WORKSPACE, "--output", out], "pane", PANE_TIMEOUT_S)
with open(out) as f:
    pane = json.load(f)

keys = pane["keystrokes"]
key_ms = [k["ms"] for k in keys]
timed_out = [k for k in keys if k["ms"] < 0]
say(2, f"2. search as you type: {len(keys)} scripted keystrokes into the pane's search entry"
       f" (gtk_editable_insert_text/delete_text), each from the text change to the first"
       f" after-paint after the pane showed its results")
if timed_out:
    k = timed_out[0]
    say(5, f"keystroke {k['key']!r} (text {k['text']!r}): no results shown within the time"
           f" limit: FAIL")
    verdicts.append(False)
    key_ms = [v for v in key_ms if v >= 0] or [0.0]
else:
    print(f"     {'per keystroke':<24}: {spread(key_ms, ms)}"
          f"  target median <= {KEY_MEDIAN_MS} ms: {verdict(statistics.median(key_ms) <= KEY_MEDIAN_MS)}")
    print(f"     {'worst':<24}: {max(key_ms):.1f} ms"
          f"  target <= {KEY_WORST_MS} ms: {verdict(max(key_ms) <= KEY_WORST_MS)}")
say(7, "(each step = from the change to the pane's going busy (a search delay would be here)"
       " + the query on the worker thread, until the ids reach the list model + GTK and the pane"
       " applying them, until the pane is no longer busy + on to the after-paint)")
for i, k in enumerate(keys, 1):
    key = "Backspace" if k["key"] == "Backspace" else repr(k["key"])
    print(f"       {i:2}. {key:<10} -> {k['text']!r:<10} {k['rows']:>9,} rows {step(k)}")

sorts = pane["sorts"]
sort_ms = [s["ms"] for s in sorts]
if pane["stuck"]:
    print("  3. sort: not measured, the pane showed no results for an earlier step: FAIL")
    verdicts.append(False)
else:
    say(2, f"3. sort: each visible column, ascending then descending"
           f" (gtk_column_view_sort_by_column), over all {pane['rows']:,} rows, starting"
           f" {pane['sorts_after_first_rows_ms'] / 1000:.1f} s after the first rows (after the"
           f" search sequence): any background warm-up of the sort orders the pane starts after"
           f" its first results (cw_inventory_searcher_warm_async) has had that long. A cold"
           f" sort, right after the first rows, is not measured. Each step split as above.")
if pane["stuck"]:
    pass
elif not sorts:
    print("     the column view has no sortable visible column: FAIL")
    verdicts.append(False)
elif any(v < 0 for v in sort_ms):
    s = next(s for s in sorts if s["ms"] < 0)
    print(f"     {s['column']} {s['order']}: no results shown within the time limit: FAIL")
    verdicts.append(False)
else:
    print(f"     {'per sort':<24}: {spread(sort_ms, ms)}"
          f"  target each <= {SORT_MS} ms (worst {max(sort_ms):.1f} ms):"
          f" {verdict(max(sort_ms) <= SORT_MS)}")
for s in sorts:
    print(f"       {s['column'] + ' ' + s['order']:<26} {step(s)}")
sys.stdout.flush()

# ---- 4. start-up -----------------------------------------------------------------------------
slots = {
    "empty": ("empty AdwApplicationWindow", [EMPTY]),
    "app": ("changeward on Inventory", [APP, "--workspace", WORKSPACE, "--exit-after-startup"]),
    "rows": ("first frame with rows", None),
}
times = {slot: [] for slot in slots}
rss = {slot: [] for slot in slots}
rows_json = os.path.join(tmp, "first-rows.json")
slots["rows"] = (slots["rows"][0], [PANE, "--workspace", WORKSPACE, "--output", rows_json,
                                    "--first-rows"])
first_rows = []
for slot in slots:
    run(slots[slot][1], f"{slot}-warm-up", STARTUP_TIMEOUT_S)
for i in range(1, runs + 1):
    for slot in slots:
        wall, peak_kb, _ = run(slots[slot][1], f"{slot}-{i}", STARTUP_TIMEOUT_S)
        times[slot].append(wall)
        rss[slot].append(mb(peak_kb))
        if slot == "rows":
            with open(rows_json) as f:
                first_rows.append(json.load(f)["first_rows"])

med = {slot: statistics.median(t) for slot, t in times.items()}
ratio = med["app"] / med["empty"]
shown = f"{ratio:.2f}"
if ratio > STARTUP_RATIO and float(shown) <= STARTUP_RATIO:  # never print "1.50 ... FAIL"
    shown = f"{ratio:.3f}"
say(2, f"4. start-up: process start -> first frame, {runs} runs each after a warm-up,"
       f" alternating (last-pane = 'inventory')")
print(f"     {'empty window':<24}: {spread(times['empty'], ms)}")
print(f"     {'changeward on Inventory':<24}: {spread(times['app'], ms)}")
print(f"     {'ratio of the medians':<24}: {shown}"
      f"  target <= {STARTUP_RATIO:.2f}: {verdict(ratio <= STARTUP_RATIO)}")
print(f"     {'RSS at that frame':<24}: {spread(rss['app'], lambda v: f'{v:.0f} MB')}"
      f"  target every run <= {STARTUP_RSS_MB} MB: {verdict(max(rss['app']) <= STARTUP_RSS_MB)}")
say(7, "(changeward's own peak RSS from getrusage: it exits at that first frame, so this is"
       " its VmHWM there)")
print(f"     {'first frame with rows':<24}: {spread(times['rows'], ms)}  for information")
say(7, f"(cw-bench-inventory --first-rows: the same application, to the first after-paint"
       f" after the pane showed its first {min(first_rows):,} rows)")
print(f"     {'its peak RSS':<24}: {spread(rss['rows'], lambda v: f'{v:.0f} MB')}  for information")

failed = verdicts.count(False)
print(f"  verdict: {'PASS' if not failed else 'FAIL'}"
      f" ({len(verdicts) - failed} of {len(verdicts)} figures within target;"
      f" load average {os.getloadavg()[0]:.2f} at the end)")
with open(os.path.join(tmp, "verdict"), "w") as f:
    f.write("PASS\n" if not failed else "FAIL\n")
sys.exit(0 if not failed else 1)
PY
fi

# ---- runbook figures: run inside the display (and D-Bus session) ------------------------------
if [ "${1-}" = --inner-runbook ]; then
  : >"$BENCH_TMP/started"
  echo "runbook ($BENCH_DISPLAY_DESC, GSK_RENDERER=cairo)"
  rc=0
  (cd "$BENCH_TMP" && exec "$BUILD_DIR/tests/bench/cw-bench-runbook" --dir "$BENCH_TMP" \
    --runs "$BENCH_RUNS" --editor-runs "$BENCH_RUNS") || rc=$?
  case $rc in
    0) verdict=PASS ;;
    1) verdict=FAIL ;;
    *) echo "bench.sh: cw-bench-runbook exited with status $rc" >&2
       exit 1 ;;
  esac
  echo "  verdict: $verdict (load average $(cut -d' ' -f1 /proc/loadavg) at the end)"
  echo "$verdict" >"$BENCH_TMP/verdict"
  exit "$rc"
fi

# ---- calendar figures: run inside the display (and D-Bus session) -----------------------------
if [ "${1-}" = --inner-calendar ]; then
  : >"$BENCH_TMP/started"
  echo "calendar ($BENCH_DISPLAY_DESC, GSK_RENDERER=cairo)"
  rc=0
  (cd "$BENCH_TMP" && exec "$BUILD_DIR/tests/bench/cw-bench-calendar" --dir "$BENCH_TMP" \
    --cis "$BENCH_CIS" --runs "$BENCH_RUNS") || rc=$?
  case $rc in
    0) verdict=PASS ;;
    1) verdict=FAIL ;;
    *) echo "bench.sh: cw-bench-calendar exited with status $rc" >&2
       exit 1 ;;
  esac
  echo "  verdict: $verdict (load average $(cut -d' ' -f1 /proc/loadavg) at the end)"
  echo "$verdict" >"$BENCH_TMP/verdict"
  exit "$rc"
fi

# ---- arguments ----------------------------------------------------------------------------------
if [ $# -eq 0 ]; then
  usage >&2
  exit 2
fi
case "$1" in
  startup | inventory | compat | runbook | calendar)
    command=$1
    shift
    ;;
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

if [ "$command" = startup ]; then
  runs=21
  cis=
elif [ "$command" = compat ]; then
  runs=21
  cis=20000
elif [ "$command" = runbook ]; then
  runs=9
  cis=
elif [ "$command" = calendar ]; then
  runs=9
  cis=100000
else
  runs=11
  cis=1000000
  import_runs=3
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --runs | --cis | --import-runs)
      if [ $# -lt 2 ]; then
        echo "bench.sh: $1 needs a value" >&2
        usage >&2
        exit 2
      fi
      opt=$1 val=$2
      shift 2
      ;;
    --runs=* | --cis=* | --import-runs=*)
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
  if [ "$opt" = --cis ] && [ "$command" = runbook ]; then
    echo "bench.sh: 'runbook' has no --cis: its runbook is generated" >&2
    usage >&2
    exit 2
  fi
  if [ "$opt" = --import-runs ] && [ "$command" != inventory ]; then
    echo "bench.sh: --import-runs is an option of 'inventory'" >&2
    usage >&2
    exit 2
  fi
  if ! [[ $val =~ ^[0-9]+$ ]]; then
    echo "bench.sh: $opt needs a whole number, not '$val'" >&2
    exit 2
  fi
  val=$((10#$val))
  case $opt in
    --runs)
      if [ "$val" -lt 5 ]; then
        echo "bench.sh: --runs must be at least 5 (a median of fewer runs is noise), not $val" >&2
        exit 2
      fi
      runs=$val
      ;;
    --import-runs)
      if [ "$val" -lt 3 ]; then
        echo "bench.sh: --import-runs must be at least 3, not $val" >&2
        exit 2
      fi
      import_runs=$val
      ;;
    *)
      if [ "$val" -lt 1 ]; then
        echo "bench.sh: --cis must be at least 1" >&2
        exit 2
      fi
      if [ "$command" = compat ] && [ "$val" -lt 8 ]; then
        echo "bench.sh: --cis of 'compat' must be at least 8, not $val" >&2
        exit 2
      fi
      if [ "$command" = calendar ] && [ "$val" -lt 1000 ]; then
        echo "bench.sh: --cis of 'calendar' must be at least 1000, not $val" >&2
        exit 2
      fi
      cis=$val
      ;;
  esac
done

# The testing hooks stand in for programs of `startup` only.
if [ "$command" != startup ]; then
  unset BENCH_EMPTY_CMD BENCH_APP_CMD
fi

# ---- build --------------------------------------------------------------------------------------
BUILD_DIR=${BUILD_DIR:-_build}
if [ -n "${BENCH_EMPTY_CMD-}" ] && [ -n "${BENCH_APP_CMD-}" ]; then
  echo "bench.sh: BENCH_EMPTY_CMD and BENCH_APP_CMD set: testing hooks, nothing is built" >&2
else
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    # shellcheck disable=SC2086 # MESON_SETUP_ARGS is a list of arguments
    meson setup "$BUILD_DIR" ${MESON_SETUP_ARGS:-} || die "meson setup $BUILD_DIR failed"
  fi
  if [ "$command" = compat ]; then
    meson compile -C "$BUILD_DIR" cw-bench-compat || die "the build failed"
  elif [ "$command" = runbook ]; then
    meson compile -C "$BUILD_DIR" cw-bench-runbook || die "the build failed"
  elif [ "$command" = calendar ]; then
    meson compile -C "$BUILD_DIR" cw-bench-calendar || die "the build failed"
  else
    meson compile -C "$BUILD_DIR" || die "the build failed"
  fi
fi
case $BUILD_DIR in
  /*) ;;
  *) BUILD_DIR="$PWD/$BUILD_DIR" ;;
esac

# ---- compat: core code only, no display ---------------------------------------------------------
if [ "$command" = compat ]; then
  [ -x "$BUILD_DIR/tests/bench/cw-bench-compat" ] ||
    die "$BUILD_DIR/tests/bench/cw-bench-compat was not built (it is built with the tests: -Dtests=true)"
  BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/changeward-bench.XXXXXX")
  trap 'rm -rf "$BENCH_TMP"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # Debug output would be timed too.
  unset G_MESSAGES_DEBUG
  rc=0
  (cd "$BENCH_TMP" && exec "$BUILD_DIR/tests/bench/cw-bench-compat" --workspace "$BENCH_TMP/compat.cw" \
    --cis "$cis" --runs "$runs" --target-ms 200) || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    die "cw-bench-compat exited with status $rc"
  fi
  echo "  verdict: $([ "$rc" -eq 0 ] && echo PASS || echo FAIL)"
  exit "$rc"
fi

if [ "$command" = runbook ]; then
  [ -x "$BUILD_DIR/tests/bench/cw-bench-runbook" ] ||
    die "$BUILD_DIR/tests/bench/cw-bench-runbook was not built (it is built with the tests: -Dtests=true)"
elif [ "$command" = calendar ]; then
  [ -x "$BUILD_DIR/tests/bench/cw-bench-calendar" ] ||
    die "$BUILD_DIR/tests/bench/cw-bench-calendar was not built (it is built with the tests: -Dtests=true)"
elif [ -z "${BENCH_EMPTY_CMD-}" ] && [ ! -x "$BUILD_DIR/tests/bench/cw-bench-empty-window" ]; then
  die "$BUILD_DIR/tests/bench/cw-bench-empty-window was not built (it is built with the tests: -Dtests=true)"
fi
if [ "$command" = inventory ] && [ ! -x "$BUILD_DIR/tests/bench/cw-bench-inventory" ]; then
  die "$BUILD_DIR/tests/bench/cw-bench-inventory was not built (it is built with the tests: -Dtests=true)"
fi
if [ -z "${BENCH_APP_CMD-}" ] && [ "$command" != runbook ] && [ "$command" != calendar ]; then
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
# `inventory` makes its workspace in the timing, which reports how long that took.
if [ "$command" = startup ] && [ -z "${BENCH_APP_CMD-}" ]; then
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
inner=--inner
# Debug output would be timed too.
unset G_MESSAGES_DEBUG GTK_DEBUG GSK_DEBUG
# Nothing is read from, or remembered in, the user's own dirs.
mkdir -p "$BENCH_TMP/home" "$BENCH_TMP/run"
chmod 700 "$BENCH_TMP/run"
export XDG_DATA_HOME="$BENCH_TMP/home/.local/share" XDG_CONFIG_HOME="$BENCH_TMP/home/.config"
export XDG_CACHE_HOME="$BENCH_TMP/home/.cache" XDG_STATE_HOME="$BENCH_TMP/home/.local/state"
if [ "$command" = runbook ]; then
  inner=--inner-runbook
fi
if [ "$command" = calendar ]; then
  inner=--inner-calendar
fi
if [ "$command" = inventory ]; then
  inner=--inner-inventory
  export BENCH_IMPORT_RUNS=$import_runs
  # The window must open on the Inventory pane: last-pane = 'inventory'. The memory backend
  # cannot be preset, so GLib's keyfile backend reads it from the throwaway config dir.
  export GSETTINGS_BACKEND=keyfile
  mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
  printf '%s\n' '[io/github/changeward/Changeward]' "last-pane='inventory'" \
    >"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
fi

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
    bash "$self" "$inner" || rc=$?
elif [ -z "${DBUS_SESSION_BUS_ADDRESS-}" ]; then
  export BENCH_DISPLAY_DESC="X display $DISPLAY"
  run_filtered dbus-run-session -- bash "$self" "$inner" || rc=$?
else
  export BENCH_DISPLAY_DESC="X display $DISPLAY"
  bash "$self" "$inner" || rc=$?
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
