#!/usr/bin/env bash
# The portal's browser tests (portal-tests) drive Debian's Chromium: installed here when the machine has none. Test
# tools' own browser downloads are blocked on our machines (../shared/TOOLCHAIN.md).
# DejaVu: a font with every letter of Kazakh (ә ғ қ ң ө ұ ү һ і) for the screenshots.
set -euo pipefail
if command -v chromium >/dev/null && fc-list : family 2>/dev/null | grep DejaVu >/dev/null; then
  exit 0
fi
echo "No chromium on this machine: installing Debian's package for the portal's browser tests ..."
sudo_cmd=()
[[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
