#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Mechanical style checks (anchors-style.md, section 3.6), run as the meson
# test 'check-style'. Every problem is printed as FILE:LINE: message.
#
# Usage: build-aux/check-style.sh [SOURCE_ROOT]   (default: the current directory)
# Exit status: 0 and "check-style: ok", or 1 after listing every problem.

set -u
export LC_ALL=C

root=${1:-.}
cd "$root" || { echo "check-style: cannot enter '$root'" >&2; exit 2; }

problems=0
report() {   # report FILE LINE MESSAGE
  echo "$1:$2: $3"
  problems=$((problems + 1))
}

# NUL-separated list of files under DIR (if it exists) matching a find
# expression; paths stay relative to the source root.
files_in() {
  local dir=$1; shift
  [ -d "$dir" ] || return 0
  find "$dir" -type f \( "$@" \) -print0 | sort -z
}

# 1. src/core stays free of the toolkit. The build catches this too (core's
#    dependencies don't list GTK), but with a less direct message.
while IFS= read -r -d '' f; do
  while IFS=: read -r line _; do
    report "$f" "$line" "src/core must not include gtk/, gdk/, adwaita.h or gtksourceview/"
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk/|gdk/|adwaita\.h|gtksourceview/)' "$f")
done < <(files_in src/core -name '*.c' -o -name '*.h')

# 2. G_LOG_DOMAIN is defined before config.h, so that it applies to every
#    header included after it. Files that don't include config.h are exempt.
for dir in src tests; do
  while IFS= read -r -d '' f; do
    line=$(awk '
      /^[ \t]*#[ \t]*define[ \t]+G_LOG_DOMAIN([ \t]|$)/ { defined = 1 }
      /^[ \t]*#[ \t]*include[ \t]*["<]config\.h[">]/ { if (!defined) print NR; exit }
    ' "$f")
    if [ -n "$line" ]; then
      report "$f" "$line" "#define G_LOG_DOMAIN must come before #include \"config.h\""
    fi
  done < <(files_in "$dir" -name '*.c')
done

# 3. No tabs, no trailing whitespace. The whole tree, minus VCS data,
#    flatpak-builder state, subprojects and meson build directories (found by
#    their meson-private/, whatever they are called).
prune=( -name .git -o -name .flatpak-builder -o -name subprojects -o -name '_build*' )
while IFS= read -r -d '' d; do
  prune+=( -o -path "${d%/meson-private}" )
done < <(find . -name .git -prune -o -type d -name meson-private -print0)
while IFS= read -r -d '' f; do
  f=${f#./}
  while IFS=: read -r line _; do
    report "$f" "$line" "tab character"
  done < <(grep -nF $'\t' "$f")
  while IFS=: read -r line _; do
    report "$f" "$line" "trailing whitespace"
  done < <(grep -nE '[[:space:]]$' "$f")
done < <(find . \( "${prune[@]}" \) -prune -o -type f \
           \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.xml' -o -name meson.build \) \
           -print0 | sort -z)

# 4. Every ui/**/*.ui is compiled into the resource. Entries in the gresource
#    are relative to ui/; the element text is the path (an alias only renames).
gresource=ui/changeward.gresource.xml
ui_files=()
while IFS= read -r -d '' f; do ui_files+=("$f"); done < <(files_in ui -name '*.ui')
if [ ${#ui_files[@]} -gt 0 ]; then
  if [ ! -f "$gresource" ]; then
    report "$gresource" 1 "missing, but ui/ has ${#ui_files[@]} .ui file(s)"
  else
    listed=$(grep -o '<file[^>]*>[^<]*</file>' "$gresource" \
               | sed -e 's/<file[^>]*>//' -e 's#</file>##' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
    for f in "${ui_files[@]}"; do
      if ! grep -Fxq -- "${f#ui/}" <<<"$listed"; then
        report "$f" 1 "not listed in $gresource (as <file>${f#ui/}</file>)"
      fi
    done
  fi
fi

# 5. A templated widget releases its template children in dispose.
while IFS= read -r -d '' f; do
  line=$(grep -n 'gtk_widget_init_template' "$f" | head -n 1 | cut -d: -f1)
  if [ -n "$line" ] && ! grep -q 'gtk_widget_dispose_template' "$f"; then
    report "$f" "$line" "calls gtk_widget_init_template but never gtk_widget_dispose_template (call it in dispose)"
  fi
done < <(files_in src/ui -name '*.c')

# 6. Every source file carries the licence.
while IFS= read -r -d '' f; do
  if ! grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' "$f"; then
    report "$f" 1 "no 'SPDX-License-Identifier: GPL-3.0-or-later' line"
  fi
done < <(files_in src -name '*.c' -o -name '*.h')

if [ "$problems" -gt 0 ]; then
  echo "check-style: $problems problem(s)"
  exit 1
fi
echo "check-style: ok"
