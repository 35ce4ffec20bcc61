# shellcheck shell=bash disable=SC2034  # defines variables for the scripts that source it
# Helpers shared by infra/*/start.sh, stop.sh and install.sh. Source it; do not run it.
#
# Every download, data folder, log and pid file lives under $INFRA_CACHE (default infra/.cache,
# git-ignored). A service started here is a process whose pid is in $INFRA_CACHE/run/<name>.pid;
# stop.sh stops exactly that pid, never anything found by name.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_CACHE="${INFRA_CACHE:-$INFRA_DIR/.cache}"
# The physical path: processes are recognised by the paths in their command lines, which a
# symlinked cache (a second checkout sharing one) would otherwise spell two ways.
if [[ -d $INFRA_CACHE ]]; then INFRA_CACHE=$(cd "$INFRA_CACHE" && pwd -P); fi
INFRA_RUN="$INFRA_CACHE/run"
INFRA_BIN="$INFRA_CACHE/bin"
SERVICE="${SERVICE:-infra}"

# The addresses every script, infra/env.sh and libs/testing use. One place to change them.
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093
FERRETDB_PORT=27018
# The second FerretDB (infra/ferretdb-pg), on PostgreSQL: its port and its database in that cluster.
FERRETDB_PG_PORT=27019
FERRETDB_PG_DATABASE=ferretdb
POSTGRES_PORT=15432
POSTGRES_DB=relapsewatch
MONGODB_DB=relapsewatch

log() { printf '[%s] %s\n' "$SERVICE" "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# apt_install PKG... — installs Debian packages; refreshes the package lists only when the
# install fails (a fresh machine may have none). Waits for a concurrent apt/dpkg run.
apt_install() {
  local out="$INFRA_CACHE/apt-install.log"
  mkdir -p "$INFRA_CACHE"
  log "installing $* with apt-get (log: $out)"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q)
  if ! as_root "${apt[@]}" install --no-install-recommends "$@" >>"$out" 2>&1; then
    log "apt-get install failed; running apt-get update and trying again"
    as_root "${apt[@]}" update >>"$out" 2>&1 || { tail -n 20 "$out" >&2; die "apt-get update failed"; }
    as_root "${apt[@]}" install --no-install-recommends "$@" >>"$out" 2>&1 ||
      { tail -n 20 "$out" >&2; die "apt-get install $* failed"; }
  fi
}

# need_cmd CMD APT_PACKAGE — installs APT_PACKAGE when CMD is not on PATH.
need_cmd() {
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
  command -v "$1" >/dev/null 2>&1 || die "$1 still missing after installing $2"
}

# with_lock NAME — serialises start/stop of one service across concurrent callers (two Jest
# processes, say). The lock is fd 9: close it (9>&-) in any process that outlives the script.
with_lock() {
  mkdir -p "$INFRA_RUN"
  exec 9>"$INFRA_RUN/$1.lock"
  flock -w 900 9 || die "timed out waiting for the lock $INFRA_RUN/$1.lock"
}

# pid_of NAME MARKER — prints the pid in run/NAME.pid when that process is alive and its command
# line contains MARKER (guards against a recycled pid); returns 1 otherwise.
pid_of() {
  local file="$INFRA_RUN/$1.pid" marker=$2 pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Read whole, then matched: `… | grep -q` under pipefail can fail by SIGPIPE on a match.
  local cmdline
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  grep -qF -- "$marker" <<<"$cmdline" || return 1
  printf '%s\n' "$pid"
}

# pg_bindir — prints the newest /usr/lib/postgresql/<version>/bin that has initdb, pg_ctl and
# pg_isready; returns 1 when there is none.
pg_bindir() {
  local dirs=(/usr/lib/postgresql/*/bin) dir
  [[ -e ${dirs[0]} ]] || return 1
  while read -r dir; do
    [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/pg_isready ]] && { echo "$dir"; return 0; }
  done < <(printf '%s\n' "${dirs[@]}" | sort -V -r)
  return 1
}

# fresh_log FILE — keeps the previous run's log as FILE.1 so that a failure shows this run's lines.
fresh_log() {
  [[ -f $1 ]] && mv -f "$1" "$1.1"
  : >"$1"
}

# port_open PORT — true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# wait_ready NAME PID TIMEOUT_S LOGFILE PROBE... — polls PROBE until it succeeds. Fails (with
# the last lines of LOGFILE) when PID dies or TIMEOUT_S passes.
wait_ready() {
  local name=$1 pid=$2 limit=$3 logfile=$4
  shift 4
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) exited before it answered; last lines of $logfile:"
      tail -n 40 "$logfile" >&2 || true
      rm -f "$INFRA_RUN/$name.pid"
      die "$name did not start"
    fi
    if ((SECONDS >= deadline)); then
      log "$name (pid $pid) did not answer within ${limit}s; last lines of $logfile:"
      tail -n 40 "$logfile" >&2 || true
      die "$name did not become ready (it is still running: infra/$name/stop.sh stops it)"
    fi
    sleep 0.5
  done
}

# stop_pid NAME MARKER [GRACE_S] [SIGNAL] — sends SIGNAL (default TERM) to the recorded pid,
# SIGKILL after GRACE_S seconds.
stop_pid() {
  local name=$1 marker=$2 grace=${3:-30} signal=${4:-TERM} pid
  if ! pid=$(pid_of "$name" "$marker"); then
    rm -f "$INFRA_RUN/$name.pid"
    log "$name is not running (no live pid in $INFRA_RUN/$name.pid)"
    return 0
  fi
  kill "-$signal" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$name (pid $pid) still running after ${grace}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$INFRA_RUN/$name.pid"
  log "$name stopped (pid $pid)"
}
