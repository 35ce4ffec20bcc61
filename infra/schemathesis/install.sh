#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer `npm test` runs against the embedded gateway) from PyPI
# into a virtual environment under infra/.cache/schemathesis/venv, once per pinned version.
# Prints the path of the `schemathesis` executable on stdout; progress goes to stderr.
set -euo pipefail
SERVICE=schemathesis
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The version the run was tested with; a newer one may add checks, so a change is a commit.
version=4.32.5
venv="$INFRA_CACHE/schemathesis/venv"
bin="$venv/bin/schemathesis"

# Two Jest processes may ask at once: the second waits and then finds it installed.
with_lock schemathesis-install

# A venv moved or copied from elsewhere keeps the old path in its scripts' first line: run it to know.
installed() { [[ -x $bin ]] && [[ $("$bin" --version 2>/dev/null) == *"$version"* ]]; }

if ! installed; then
  need_cmd python3 python3
  # Debian splits venv (and its bundled pip) out of python3.
  python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
  log "installing schemathesis $version into $venv (about a minute when cold)"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$version" >&2
  installed || die "schemathesis $version is not in $venv after pip install"
fi
printf '%s\n' "$bin"
