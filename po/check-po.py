#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Translation checks, run as the meson test 'potfiles':
#   1. every file with translatable strings is listed in po/POTFILES.in
#      (or exempted in po/POTFILES.skip);
#   2. POTFILES.in lists only existing files, sorted, without duplicates;
#   3. every language in po/LINGUAS has a .po that, merged with a freshly
#      extracted template, has no untranslated or fuzzy message.
# Step 3 works on copies in a temporary directory: po/ is never written to.
#
# Usage: check-po.py SOURCE_ROOT [--package NAME]
# Needs xgettext, msgmerge and msgfmt (GNU gettext).

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The arguments meson's i18n.gettext(preset: 'glib') hands to xgettext
# (mesonbuild/modules/i18n.py, PRESET_ARGS['glib'], plus the '-k_' its
# gettext script adds), so the template here is the one 'ninja
# changeward-pot' would write. ngettext is xgettext's default C keyword
# anyway; it is listed because check 1 looks for it.
XGETTEXT_ARGS = [
    '-k_',
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# A marked string in C: _(" N_(" C_(" NC_(" (spaces allowed before the
# parenthesis, GNU style), g_dngettext ( and ngettext (. The look-behind keeps
# e.g. FOO_(" or dngettext ( from matching.
C_MARK_RE = re.compile(r'(?<![A-Za-z0-9_])(?:(?:N|C|NC)?_\s*\(\s*"|(?:g_d)?ngettext\s*\()')
UI_MARK = 'translatable="yes"'


def read_list(path):
    """Lines of a POTFILES-style file: (line number, path), no comments."""
    entries = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((number, line))
    return entries


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs += line.split()
    return langs


def walk(root, top, suffixes):
    """Paths relative to root of files under root/top ending in suffixes."""
    found = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(suffixes):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def file_contains(path, predicate):
    with open(path, encoding='utf-8', errors='replace') as f:
        return predicate(f.read())


def files_needing_translation(root):
    """Every file that POTFILES.in must list."""
    needed = []
    for rel in walk(root, 'src', ('.c', '.h')):
        if file_contains(os.path.join(root, rel), lambda t: C_MARK_RE.search(t) is not None):
            needed.append((rel, 'has marked strings'))
    for rel in walk(root, 'ui', ('.ui',)):
        if file_contains(os.path.join(root, rel), lambda t: UI_MARK in t):
            needed.append((rel, f'has {UI_MARK}'))
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            if (name.endswith('.in') or name.endswith('.gschema.xml')) \
                    and os.path.isfile(os.path.join(data, name)):
                needed.append((f'data/{name}', 'is a data file with translatable fields'))
    return needed


def run(cmd, **kwargs):
    # C locale: msgfmt's statistics are parsed below and must be in English.
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    return subprocess.run(cmd, capture_output=True, text=True, env=env, **kwargs)


def count(pattern, text):
    m = re.search(r'(\d+) ' + pattern, text)
    return int(m.group(1)) if m else 0


def check_languages(root, po_dir, package, potfiles, errors):
    """Check 3; returns the per-language summary lines."""
    linguas_path = os.path.join(po_dir, 'LINGUAS')
    if not os.path.isfile(linguas_path):
        errors.append('po/LINGUAS: missing')
        return []
    langs = read_linguas(linguas_path)

    tools = {t: shutil.which(t) for t in ('xgettext', 'msgmerge', 'msgfmt')}
    missing = [t for t, p in tools.items() if p is None]
    if missing:
        errors.append(f"cannot check translations: {', '.join(missing)} not found "
                      f"(install GNU gettext)")
        return []

    summaries = []
    with tempfile.TemporaryDirectory(prefix='check-po-') as tmp:
        pot = os.path.join(tmp, package + '.pot')
        # --force-po: a template with no messages yet is still written.
        r = run([tools['xgettext'], f'--package-name={package}', '--force-po',
                 '-f', potfiles, '-D', root, '-o', pot] + XGETTEXT_ARGS)
        if r.returncode != 0:
            errors.append(f'xgettext failed on po/POTFILES.in:\n{r.stderr.rstrip()}')
            return []

        for lang in langs:
            po = os.path.join(po_dir, lang + '.po')
            if not os.path.isfile(po):
                errors.append(f'po/{lang}.po: missing, but {lang} is in po/LINGUAS')
                continue
            merged = os.path.join(tmp, lang + '.po')
            r = run([tools['msgmerge'], '--quiet', '-o', merged, po, pot])
            if r.returncode != 0:
                errors.append(f'po/{lang}.po: msgmerge failed:\n{r.stderr.rstrip()}')
                continue
            r = run([tools['msgfmt'], '--statistics', '-c', '-o', os.devnull, merged])
            # Name the file the reader knows; line numbers are the merged copy's.
            stderr = r.stderr.replace(merged, f'po/{lang}.po (merged)').rstrip()
            if r.returncode != 0:
                errors.append(f'po/{lang}.po: msgfmt -c failed:\n{stderr}')
                continue
            translated = count(r'translated message', stderr)
            fuzzy = count(r'fuzzy translation', stderr)
            untranslated = count(r'untranslated message', stderr)
            summaries.append(f'{lang}: {translated} translated, {fuzzy} fuzzy, '
                             f'{untranslated} untranslated')
            if fuzzy or untranslated:
                errors.append(f'po/{lang}.po: {fuzzy} fuzzy and {untranslated} untranslated '
                              f'message(s) against the current sources; run '
                              f"'ninja -C BUILDDIR {package}-update-po' and translate them")
    return summaries


def main():
    parser = argparse.ArgumentParser(description='Check POTFILES.in and the translations.')
    parser.add_argument('source_root')
    parser.add_argument('--package', default='changeward')
    opts = parser.parse_args()

    root = os.path.abspath(opts.source_root)
    po_dir = os.path.join(root, 'po')
    potfiles = os.path.join(po_dir, 'POTFILES.in')
    errors = []

    if not os.path.isfile(potfiles):
        print(f'check-po: po/POTFILES.in: missing under {root}', file=sys.stderr)
        return 1
    entries = read_list(potfiles)
    listed = [path for _, path in entries]
    skip_path = os.path.join(po_dir, 'POTFILES.skip')
    skipped = {p for _, p in read_list(skip_path)} if os.path.isfile(skip_path) else set()

    # 1. Every file with translatable strings is listed.
    for rel, why in files_needing_translation(root):
        if rel not in listed and rel not in skipped:
            errors.append(f'{rel}: {why} but is not listed in po/POTFILES.in')

    # 2. The list itself: existing files, sorted, no duplicates.
    seen = {}
    previous = None
    for number, path in entries:
        where = f'po/POTFILES.in:{number}'
        if not os.path.isfile(os.path.join(root, path)):
            errors.append(f'{where}: {path}: listed but does not exist')
        if path in seen:
            errors.append(f'{where}: {path}: duplicate of line {seen[path]}')
        else:
            seen[path] = number
        # Byte order, as LC_ALL=C sort gives.
        if previous is not None and path < previous:
            errors.append(f"{where}: {path}: not sorted (comes after '{previous}')")
        previous = path

    # 3. Translations are complete. Skipped when the list is broken, as
    # xgettext would only repeat the missing-file errors.
    summaries = []
    if any('listed but does not exist' in e for e in errors):
        errors.append('translations not checked: fix po/POTFILES.in first')
    else:
        summaries = check_languages(root, po_dir, opts.package, potfiles, errors)

    for line in summaries:
        print(line)
    for e in errors:
        print(f'check-po: {e}', file=sys.stderr)
    if errors:
        print(f'check-po: {len(errors)} problem(s)', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
