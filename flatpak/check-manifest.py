#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Static checks on the flatpak-builder manifest, run as the meson test
# 'flatpak-manifest'. A real flatpak build needs the GNOME runtime from
# Flathub, which CI cannot download, so this guards what can be checked
# offline: identity, runtime, least-privilege permissions, pinned sources and
# the shape of the module list.
#
# Usage: check-manifest.py MANIFEST.json [--app-id ID]
# Prints "ok" and exits 0, or prints every problem found and exits 1.

import argparse
import json
import os
import re
import sys

DEFAULT_APP_ID = 'io.github.changeward.Changeward'
COMMAND = 'changeward'
RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
# GNOME 43 is the runtime that matches GTK 4.8 / libadwaita 1.2; anything
# older lacks the API the code is pinned to.
MIN_RUNTIME_VERSION = 43

# Least privilege: files come in through the file chooser portal, secrets
# through the Secret Service. Anything else must be argued for and added here.
ALLOWED_FINISH_ARGS = {
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--talk-name=org.freedesktop.secrets',
}
REQUIRED_FINISH_ARGS = ['--share=network', '--talk-name=org.freedesktop.secrets']
FORBIDDEN_SOCKETS = {'--socket=session-bus', '--socket=system-bus'}

# Libraries the GNOME runtime does not ship; each needs its own module.
REQUIRED_MODULES = ['template-glib', 'libical']


class Checker:
    def __init__(self, manifest_path, app_id):
        self.path = manifest_path
        self.base_dir = os.path.dirname(os.path.abspath(manifest_path))
        self.app_id = app_id
        self.errors = []

    def error(self, msg):
        self.errors.append(msg)

    def load_json(self, path, what):
        try:
            with open(path, encoding='utf-8') as f:
                return json.load(f)
        except FileNotFoundError:
            self.error(f'{what} {path}: file not found')
        except json.JSONDecodeError as e:
            self.error(f'{what} {path}: not valid JSON: {e}')
        except (OSError, UnicodeDecodeError) as e:
            self.error(f'{what} {path}: cannot read: {e}')
        return None

    # -- top-level keys ----------------------------------------------------

    def check_identity(self, m):
        ids = {k: m[k] for k in ('id', 'app-id') if k in m}
        if not ids:
            self.error(f"no 'id' (or 'app-id'): expected '{self.app_id}'")
        for key, value in ids.items():
            if value != self.app_id:
                self.error(f"'{key}' is '{value}', expected '{self.app_id}'")

        if m.get('runtime') != RUNTIME:
            self.error(f"'runtime' is {m.get('runtime')!r}, expected '{RUNTIME}'")
        if m.get('sdk') != SDK:
            self.error(f"'sdk' is {m.get('sdk')!r}, expected '{SDK}'")

        version = m.get('runtime-version')
        # flatpak reads the version as a branch name, so it must be a string;
        # "master" or "nightly" would make the build unreproducible.
        if not isinstance(version, str) or not re.fullmatch(r'\d+(\.\d+)?', version):
            self.error(f"'runtime-version' is {version!r}: expected a version number "
                       f"string such as \"{MIN_RUNTIME_VERSION}\"")
        elif float(version) < MIN_RUNTIME_VERSION:
            self.error(f"'runtime-version' is \"{version}\": must be >= "
                       f"\"{MIN_RUNTIME_VERSION}\" (GTK 4.8, libadwaita 1.2)")

        if m.get('command') != COMMAND:
            self.error(f"'command' is {m.get('command')!r}, expected '{COMMAND}'")

    def check_finish_args(self, m):
        args = m.get('finish-args', [])
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            self.error("'finish-args' must be a list of strings")
            return
        for arg in args:
            # Named separately from the allow-list so the message says why.
            if arg.startswith('--filesystem'):
                self.error(f"finish-arg '{arg}': no filesystem access; files come "
                           f"through the file chooser portal")
            elif arg in FORBIDDEN_SOCKETS:
                self.error(f"finish-arg '{arg}': full bus access defeats the sandbox; "
                           f"use a --talk-name for the one service needed")
            elif arg not in ALLOWED_FINISH_ARGS:
                self.error(f"finish-arg '{arg}' is not in the allowed set: "
                           f"{', '.join(sorted(ALLOWED_FINISH_ARGS))}")
        for arg in REQUIRED_FINISH_ARGS:
            if arg not in args:
                self.error(f"finish-args lack '{arg}'")

    # -- modules and sources -----------------------------------------------

    def resolve(self, entry, base_dir, what):
        """A module or source may be an object or a path to a JSON file."""
        if isinstance(entry, dict):
            return entry, base_dir
        if isinstance(entry, str):
            path = os.path.join(base_dir, entry)
            loaded = self.load_json(path, what)
            return loaded, os.path.dirname(os.path.abspath(path))
        self.error(f'{what} {entry!r}: expected an object or a file name')
        return None, base_dir

    def check_source(self, src, module_name):
        kind = src.get('type')
        where = f"module '{module_name}': {kind} source {src.get('url', src.get('path', ''))!r}"
        if kind == 'git':
            if not any(src.get(k) for k in ('tag', 'commit', 'branch')):
                self.error(f'{where} has no tag, commit or branch')
        elif kind == 'archive':
            if not src.get('sha256'):
                self.error(f'{where} has no sha256')

    def walk_modules(self, modules, base_dir, names):
        """Checks every module, nested ones too; returns the resolved list."""
        resolved = []
        if not isinstance(modules, list):
            self.error("'modules' must be a list")
            return resolved
        for entry in modules:
            module, mod_dir = self.resolve(entry, base_dir, 'module file')
            if not isinstance(module, dict):
                resolved.append(None)
                continue
            name = module.get('name', '<unnamed>')
            names.add(name)
            for src_entry in module.get('sources', []):
                src, _ = self.resolve(src_entry, mod_dir, f"module '{name}': source file")
                # A sources file may hold one source or a list of them.
                for s in (src if isinstance(src, list) else [src]):
                    if isinstance(s, dict):
                        self.check_source(s, name)
            self.walk_modules(module.get('modules', []), mod_dir, names)
            resolved.append(module)
        return resolved

    def check_modules(self, m):
        names = set()
        modules = self.walk_modules(m.get('modules', []), self.base_dir, names)
        for required in REQUIRED_MODULES:
            if required not in names:
                self.error(f"no module '{required}': the GNOME runtime does not ship it")

        last = modules[-1] if modules else None
        if not isinstance(last, dict) or last.get('name') != COMMAND:
            got = last.get('name') if isinstance(last, dict) else last
            self.error(f"the last module must be '{COMMAND}', found {got!r}")
            return
        if last.get('buildsystem') != 'meson':
            self.error(f"module '{COMMAND}': buildsystem is {last.get('buildsystem')!r}, "
                       f"expected 'meson'")
        sources = last.get('sources', [])
        if not any(isinstance(s, dict) and s.get('type') == 'dir' for s in sources):
            self.error(f"module '{COMMAND}' must build the checkout itself "
                       f"(a source of type 'dir')")

    def run(self):
        m = self.load_json(self.path, 'manifest')
        if m is not None and not isinstance(m, dict):
            self.error(f'manifest {self.path}: top level is not a JSON object')
            m = None
        if m is not None:
            self.check_identity(m)
            self.check_finish_args(m)
            self.check_modules(m)
        return self.errors


def main():
    parser = argparse.ArgumentParser(description='Check the flatpak manifest.')
    parser.add_argument('manifest')
    parser.add_argument('--app-id', default=DEFAULT_APP_ID)
    opts = parser.parse_args()

    errors = Checker(opts.manifest, opts.app_id).run()
    if errors:
        for e in errors:
            print(f'check-manifest: {opts.manifest}: {e}', file=sys.stderr)
        print(f'check-manifest: {len(errors)} problem(s)', file=sys.stderr)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
