#!/usr/bin/env bash
# Installs what docgen needs on Debian: the cmark-gfm and mimalloc libraries it builds against, and the
# browser, crawler and HTML checker its tests use. Installs only what is missing.
set -euo pipefail

debian_packages=(
  libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config   # build
  chromium chromium-driver linkchecker tidy python3-pip      # tests
)
python_packages=(selenium selenium-axe-python)

missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for package in "${python_packages[@]}"; do
  python3 -m pip show -q "$package" >/dev/null 2>&1 || {
    echo "Installing Python package: $package"
    python3 -m pip install -q "$package" 2>/dev/null || python3 -m pip install -q --break-system-packages "$package"
  }
done
