#!/usr/bin/env bash
# install-deps.sh: installs, with apt, whatever Changeward needs to build,
# run and test that this machine lacks. Sourced by run.sh and test.sh; safe to
# run again: when everything is there it only checks.
# SPDX-License-Identifier: GPL-3.0-or-later

cw_packages=(
  # build
  gcc pkg-config meson ninja-build gettext python3
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libtemplate-glib-1.0-dev
  libical-dev libsqlite3-dev libcmark-dev tzdata
  # icons, fonts and validation
  librsvg2-common fonts-cantarell desktop-file-utils appstream
  # settings that persist (window size, last workspace)
  dconf-gsettings-backend
  # headless tests: X server, private D-Bus session, Secret Service
  xvfb xauth dbus gnome-keyring
)

cw_install_deps() {
  local missing=() pkg sudo=()

  for pkg in "${cw_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Changeward needs these packages: ${missing[*]}" >&2
      echo "Install them as root (apt-get install ${missing[*]}), then run this again." >&2
      return 1
    fi
    sudo=(sudo)
  fi

  echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}
