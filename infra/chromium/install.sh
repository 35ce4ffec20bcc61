#!/usr/bin/env bash
# Installs Debian's `chromium` for the web app's browser specs (playwright-core drives it; the
# `playwright` package's own browser download cannot reach its host here). Idempotent: does
# nothing when the browser is already there. Prints the executable's path on stdout; progress
# goes to stderr.
#   CHROMIUM_PATH  an executable to use instead (default /usr/bin/chromium)
set -euo pipefail
SERVICE=chromium
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

bin=${CHROMIUM_PATH:-/usr/bin/chromium}

# Two Jest processes may ask at once: the second waits and then finds it installed.
with_lock chromium-install

if [[ ! -x $bin ]]; then
  # fonts-noto-cjk: without a CJK font the Chinese pages render as boxes in screenshots.
  apt_install chromium fonts-noto-cjk
  [[ -x $bin ]] || die "no $bin after installing chromium"
elif command -v fc-list >/dev/null 2>&1 && [[ -z $(fc-list :lang=zh 2>/dev/null) ]]; then
  apt_install fonts-noto-cjk
fi
echo "$bin"
