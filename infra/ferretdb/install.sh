#!/usr/bin/env bash
# Builds FerretDB v1.24.2 into infra/.cache/bin/ferretdb (once) from its Go module.
#
# Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: that binary
# panics at start ("Invalid build/version/version.txt file content"), because the module does
# not carry the generated build/version/version.txt (FerretDB issue #2982). So this script
# downloads the same module with `go mod download`, copies it, writes version.txt and builds
# ./cmd/ferretdb from the copy, with the module's own go.sum.
set -euo pipefail
SERVICE=ferretdb
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

version=v1.24.2
module=github.com/FerretDB/FerretDB
bin="$INFRA_BIN/ferretdb"

# `cmd | grep -q` under pipefail fails at random: grep exits at the first match and the
# writer may then die of SIGPIPE. So the version is read whole, then matched.
reports_version() { [[ -x $bin ]] && grep -qx "version: $version" <<<"$("$bin" --version 2>/dev/null)"; }

if reports_version; then
  exit 0
fi

command -v go >/dev/null 2>&1 ||
  die "Go 1.24 or newer is needed to build FerretDB $version and go is not on PATH"
go_version=$(go env GOVERSION)
IFS=. read -r go_major go_minor _ <<<"${go_version#go}"
((go_major > 1 || (go_major == 1 && go_minor >= 24))) ||
  die "FerretDB $version needs Go 1.24 or newer; go on PATH is $go_version"

log "building FerretDB $version with $go_version into $bin (about a minute when cold)"
started=$SECONDS
mkdir -p "$INFRA_BIN" "$INFRA_CACHE/src"
tmp=$(mktemp -d "$INFRA_CACHE/src/ferretdb-$version.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Outside any module, so the repository's own files play no part.
moddir=$(cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "$module@$version" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[[ -d $moddir ]] || die "go mod download $module@$version gave no module folder"

cp -R "$moddir" "$tmp/src"
chmod -R u+w "$tmp/src"
echo "$version" >"$tmp/src/build/version/version.txt"
(cd "$tmp/src" && GOWORK=off go build -trimpath -buildvcs=false -o "$bin.tmp" ./cmd/ferretdb) >&2 ||
  die "go build of FerretDB $version failed (see above)"
mv "$bin.tmp" "$bin"
reports_version || die "the FerretDB binary built does not report $version"
log "built FerretDB $version in $((SECONDS - started))s"
