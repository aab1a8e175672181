#!/usr/bin/env bash
# slurm-cluster.sh - a throwaway single-node Slurm cluster (munged + slurmctld + slurmd)
# for the cluster test (scripts/test-cluster.sh) on Debian, run as root, no systemd needed.
#
#   slurm-cluster.sh install        apt-get install the needed packages (no services started)
#   slurm-cluster.sh start  DIR     write config into DIR, start daemons, wait for node idle
#                             (on failure: prints logs, stops what it started, rc 1)
#   slurm-cluster.sh stop   DIR     stop exactly the daemons recorded in DIR/pids (+ job leftovers)
#   slurm-cluster.sh status DIR     show daemon pids / node / queue; rc 0 = all running
#
# After `start`, point clients at the cluster with:   . DIR/env
# (or: export SLURM_CONF=DIR/slurm.conf). `start` prints that line on stdout.
#
# Tunables (environment): SLURMCTLD_PORT (6817), SLURMD_PORT (6818),
#   CLUSTER_START_TIMEOUT (60 s), CLUSTER_STOP_TIMEOUT (15 s per daemon),
#   CLUSTER_KEEP_ON_FAIL (0; 1 = a failed start leaves its daemons running),
#   CLUSTER_SCHED_PARAMS (SchedulerParameters value, default empty),
#   CLUSTER_DEPEND_PARAMS (DependencyParameters value, default empty; e.g.
#   "kill_invalid_depend" - in Slurm >= 21.08 it is NOT a SchedulerParameters
#   option any more: there it is silently ignored).
set -uo pipefail

PROG=${0##*/}
SLURMCTLD_PORT=${SLURMCTLD_PORT:-6817}
SLURMD_PORT=${SLURMD_PORT:-6818}
START_TIMEOUT=${CLUSTER_START_TIMEOUT:-60}
STOP_TIMEOUT=${CLUSTER_STOP_TIMEOUT:-15}
SCHED_PARAMS=${CLUSTER_SCHED_PARAMS:-}
DEPEND_PARAMS=${CLUSTER_DEPEND_PARAMS:-}

log() { echo "[$PROG] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    echo "usage: $PROG install | start DIR | stop DIR | status DIR" >&2
    exit 2
}

# ---------------------------------------------------------------- install
do_install() {
    [ "$(id -u)" = 0 ] || die "must run as root"
    export DEBIAN_FRONTEND=noninteractive
    # Without PID-1 systemd, invoke-rc.d says "could not determine current
    # runlevel" and starts nothing; a policy-rc.d returning 101 makes that
    # explicit (Debian docker images already ship one). Only add it if absent
    # and remove it again afterwards.
    local added_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        added_policy=1
    fi
    local rc=0
    apt-get update -qq || rc=$?
    if [ "$rc" = 0 ]; then
        apt-get install -y -qq --no-install-recommends \
            munge slurmctld slurmd slurm-client || rc=$?
    fi
    [ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
    return "$rc"
}

# ---------------------------------------------------------------- helpers
# pid is alive and not a zombie (kill -0 succeeds on zombies)
# /proc/PID/stat is "pid (comm) state ppid pgrp session ..."; comm may
# contain spaces, so split after the last ") ".
proc_stat_fields() {   # prints "state ppid pgrp session" or fails
    local st
    { read -r st < "/proc/$1/stat"; } 2>/dev/null || return 1
    st=${st##*) }
    set -- $st
    echo "$1 $2 $3 $4"
}

pid_alive() {
    local f
    f=$(proc_stat_fields "$1") || return 1
    case ${f%% *} in Z|X|x|"") return 1 ;; esac
    return 0
}

# pid is alive AND is still the program we started (guards against pid reuse)
pid_is() {
    local pid=$1 name=$2 comm
    pid_alive "$pid" || return 1
    { read -r comm < "/proc/$pid/comm"; } 2>/dev/null || return 1
    [ "$comm" = "$name" ]
}

record_pid() { echo "$1 $2" >> "$DIR/pids"; }

# launch "$@" detached (own session, no tty, output to a file), record its pid
launch() {
    local name=$1; shift
    setsid "$@" </dev/null >>"$DIR/log/$name.out" 2>&1 &
    local pid=$!
    record_pid "$name" "$pid"
    # setsid only forks if it is a process-group leader, which a background
    # job of a non-interactive shell is not, so $! is the daemon itself.
    # Confirm once exec has happened.
    local i
    for i in $(seq 1 50); do
        pid_is "$pid" "$name" && return 0
        pid_alive "$pid" || break
        sleep 0.1
    done
    log "$name (pid $pid) did not come up; output:"
    tail -n 30 "$DIR/log/$name.out" >&2
    return 1
}

# failed start: show logs, stop whatever was started (unless asked to keep it)
start_fail() {
    dump_logs
    log "ERROR: $*"
    if [ "${CLUSTER_KEEP_ON_FAIL:-0}" = 1 ]; then
        log "CLUSTER_KEEP_ON_FAIL=1: leaving daemons running; run: $PROG stop $DIR"
    else
        do_stop || true
    fi
    exit 1
}

dump_logs() {
    local f
    for f in "$DIR"/log/*; do
        [ -f "$f" ] || continue
        echo "----- $f (last 40 lines) -----" >&2
        tail -n 40 "$f" >&2
    done
}

# every ancestor of $1 must be o+x, or munged refuses the socket
check_path_traversable() {
    local p=$1
    while [ "$p" != / ] && [ -n "$p" ]; do
        if [ -d "$p" ] && [ "$(( 0$(stat -c %a "$p") & 1 ))" = 0 ]; then
            die "directory $p is not world-executable (o+x); munged requires execute permission for all on every parent of its socket. Use e.g. DIR=\$(mktemp -d) && chmod 755 \$DIR"
        fi
        p=$(dirname "$p")
    done
}

# ---------------------------------------------------------------- start
do_start() {
    [ "$(id -u)" = 0 ] || die "must run as root"
    local c
    for c in munged munge unmunge slurmctld slurmd sinfo scontrol setsid; do
        command -v "$c" >/dev/null || die "$c not found (run: $PROG install)"
    done
    if [ -s "$DIR/pids" ]; then
        local n p
        while read -r n p; do
            pid_is "$p" "$n" && die "$DIR already has a running $n (pid $p); stop it first"
        done < "$DIR/pids"
    fi
    mkdir -p "$DIR" || die "cannot create $DIR"
    DIR=$(cd "$DIR" && pwd -P)
    chmod 0755 "$DIR"                       # mktemp -d makes 0700: munged rejects that
    check_path_traversable "$DIR"
    local port
    for port in "$SLURMCTLD_PORT" "$SLURMD_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            die "port $port is already in use (another slurm?); set SLURMCTLD_PORT/SLURMD_PORT"
        fi
    done
    rm -f "$DIR/pids"
    rm -rf "$DIR/state" "$DIR/spool" "$DIR/run"   # never recover jobs of an earlier run
    mkdir -p "$DIR/munge" "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/run"
    chmod 0755 "$DIR/munge" "$DIR/log" "$DIR/run"
    chmod 0700 "$DIR/state"
    chmod 0755 "$DIR/spool"

    # --- munge key: munged runs as root here, so the key must be owned by
    #     root (the daemon's euid) and not readable by group/others.
    local key=$DIR/munge/munge.key sock=$DIR/munge/munge.socket
    rm -f "$key"
    dd if=/dev/urandom of="$key" bs=1024 count=1 status=none || die "cannot write $key"
    chown root:root "$key"; chmod 0400 "$key"

    # --- node description from what slurmd itself detects (CPUs/topology)
    local node cpus mem_total mem topo
    node=$(hostname -s 2>/dev/null || true); node=${node:-localhost}
    topo=$(slurmd -C 2>/dev/null | head -n1)
    cpus=$(sed -nE 's/.*CPUs=([0-9]+).*/\1/p' <<<"$topo")
    [ -n "$cpus" ] || cpus=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
    # keep Boards/Sockets/Cores/Threads exactly as slurmd reports them so the
    # node is never drained for "Low socket*core*thread count"
    topo=$(grep -oE '(Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore)=[0-9]+' <<<"$topo" | tr '\n' ' ')
    mem_total=$(awk '/^MemTotal:/{print int($2/1024)}' /proc/meminfo)
    # margin: 5% (min 256 MB) so slurmd never reports less than configured
    mem=$(( mem_total - ( mem_total / 20 > 256 ? mem_total / 20 : 256 ) ))
    [ "$mem" -ge 1 ] || mem=1

    cat > "$DIR/slurm.conf" <<EOF
# generated by $PROG for a throwaway single-node test cluster
ClusterName=cilab
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$SLURMCTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$DIR/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
${SCHED_PARAMS:+SchedulerParameters=$SCHED_PARAMS}
${DEPEND_PARAMS:+DependencyParameters=$DEPEND_PARAMS}
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MailProg=/bin/true
ReturnToService=2
KillWait=5
MinJobAge=300
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$node CPUs=$cpus ${topo}RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
    : > "$DIR/plugstack.conf"   # don't pick up /etc/slurm/plugstack.conf.d
    printf 'export SLURM_CONF=%s/slurm.conf\n' "$DIR" > "$DIR/env"

    local t0=$SECONDS
    cd "$DIR" || die "cannot cd $DIR"     # daemons (and slurmstepd) get cwd=DIR
    # --- munged (all paths inside DIR; foreground mode so $! is the daemon;
    #     with -F munged logs to stderr = DIR/log/munged.out, not --log-file)
    launch munged munged -F \
        --key-file="$key" --socket="$sock" \
        --pid-file="$DIR/munge/munged.pid" --log-file="$DIR/log/munged.log" \
        --seed-file="$DIR/munge/munged.seed" \
        || start_fail "munged failed to start"
    local i ok=0
    for i in $(seq 1 100); do
        if munge -n -S "$sock" 2>/dev/null | unmunge -S "$sock" >/dev/null 2>&1; then ok=1; break; fi
        pid_alive "$(awk '$1=="munged"{print $2}' "$DIR/pids")" || break
        sleep 0.1
    done
    [ "$ok" = 1 ] || start_fail "munged not answering on $sock"

    export SLURM_CONF=$DIR/slurm.conf
    launch slurmctld slurmctld -D -f "$DIR/slurm.conf" \
        || start_fail "slurmctld failed to start"
    launch slurmd slurmd -D -f "$DIR/slurm.conf" -N "$node" \
        || start_fail "slurmd failed to start"

    # --- wait for the node to be idle
    local state=""
    while [ $(( SECONDS - t0 )) -lt "$START_TIMEOUT" ]; do
        state=$(sinfo -h -N -n "$node" -o '%T' 2>/dev/null | head -n1)
        [ "$state" = idle ] && break
        local n p dead=""
        while read -r n p; do pid_alive "$p" || dead="$dead $n"; done < "$DIR/pids"
        [ -z "$dead" ] || start_fail "daemon(s) died during start:$dead"
        sleep 0.5
    done
    if [ "$state" != idle ]; then
        sinfo -N -l >&2 2>&1 || true
        scontrol show node "$node" >&2 2>&1 || true
        start_fail "node $node not idle after ${START_TIMEOUT}s (state: '${state:-none}')"
    fi
    log "cluster up in $(( SECONDS - t0 ))s: node $node CPUs=$cpus RealMemory=$mem, partition debug"
    cat "$DIR/env"
}

# ---------------------------------------------------------------- stop
# slurmstepd daemonizes (own session) and survives the death of slurmd; job
# processes live in the slurmstepd's session. slurmstepd overwrites its
# /proc/PID/environ (process title), so identify ours by an open fd / cwd
# inside DIR (it keeps DIR/log/slurmd.log open), then take its whole session.
leftover_pids() {
    local p c f sids=" "
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        c=""; { read -r c < "/proc/$p/comm"; } 2>/dev/null
        [ "$c" = slurmstepd ] || continue
        pid_alive "$p" && owned_by_dir "$p" || continue
        f=$(proc_stat_fields "$p") || continue
        sids="$sids${f##* } "
    done
    [ "$sids" = " " ] && return 0
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        [ "$p" = "$$" ] && continue
        f=$(proc_stat_fields "$p") || continue
        case ${f%% *} in Z|X|x) continue ;; esac
        case $sids in *" ${f##* } "*) echo "$p" ;; esac
    done
}

# cwd or an open fd of PID points inside DIR
owned_by_dir() {
    local l
    for l in "/proc/$1/cwd" "/proc/$1/fd/"*; do
        case $(readlink "$l" 2>/dev/null) in "$DIR"/*|"$DIR") return 0 ;; esac
    done
    return 1
}

stop_pid() {  # name pid
    local name=$1 pid=$2
    pid_is "$pid" "$name" || return 0
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 $(( STOP_TIMEOUT * 10 ))); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    log "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null
    for _ in $(seq 1 50); do pid_alive "$pid" || return 0; sleep 0.1; done
    return 1
}

# "name pid" lines: DIR/pids plus the daemons' own pid files (in case `start`
# was killed between launching a daemon and recording it)
recorded_pids() {
    local n p f
    { [ -f "$DIR/pids" ] && cat "$DIR/pids"
      for f in munged:munge/munged.pid slurmctld:run/slurmctld.pid slurmd:run/slurmd.pid; do
          p=$(cat "$DIR/${f#*:}" 2>/dev/null) && [ -n "$p" ] && echo "${f%%:*} $p"
      done
    } | awk 'NF==2 && $2 ~ /^[0-9]+$/ && !seen[$0]++'
}

do_stop() {
    [ -d "$DIR" ] || { log "$DIR does not exist; nothing to stop"; return 0; }
    DIR=$(cd "$DIR" && pwd -P)
    local list n p rc=0 u left
    list=$(recorded_pids)
    # 1. cancel jobs while the controller is still up, so slurmd ends the steps
    if [ -f "$DIR/slurm.conf" ] && grep -q '^slurmctld ' <<<"$list" \
       && pid_is "$(awk '$1=="slurmctld"{print $2; exit}' <<<"$list")" slurmctld; then
        export SLURM_CONF=$DIR/slurm.conf
        if [ -n "$(timeout 10 squeue -h -o %i 2>/dev/null)" ]; then
            for u in $(timeout 10 squeue -h -o %u 2>/dev/null | sort -u); do
                timeout 10 scancel --user="$u" 2>/dev/null || true
            done
            for _ in $(seq 1 $(( STOP_TIMEOUT * 2 ))); do
                [ -z "$(timeout 10 squeue -h -o %i 2>/dev/null)" ] && break
                sleep 0.5
            done
        fi
    fi
    # 2. slurmd
    while read -r n p; do
        [ "$n" = slurmd ] && { stop_pid "$n" "$p" || rc=1; }
    done <<<"$list"
    # 3. stray slurmstepd / job processes of this cluster
    left=$(leftover_pids)
    if [ -n "$left" ]; then
        # slurmstepd ignores SIGTERM: TERM (for the job's own processes),
        # short grace period, then KILL
        log "killing leftover slurmstepd/job processes: $(echo $left)"
        kill -TERM $left 2>/dev/null; sleep 2
        left=$(leftover_pids)
        [ -n "$left" ] && { kill -KILL $left 2>/dev/null; sleep 0.5; }
    fi
    # 4. slurmctld, then munged
    for n in slurmctld munged; do
        while read -r u p; do
            [ "$u" = "$n" ] && { stop_pid "$n" "$p" || rc=1; }
        done <<<"$list"
    done
    # 5. verify
    while read -r n p; do
        [ -n "$n" ] || continue
        if pid_is "$p" "$n"; then log "STILL RUNNING: $n pid $p"; rc=1; fi
    done <<<"$list"
    left=$(leftover_pids)
    [ -z "$left" ] || { log "STILL RUNNING job processes: $(echo $left)"; rc=1; }
    [ "$rc" = 0 ] && log "stopped (no daemons of $DIR left)"
    return "$rc"
}

# ---------------------------------------------------------------- status
do_status() {
    [ -f "$DIR/pids" ] || { echo "no pids file in $DIR: not started"; return 3; }
    DIR=$(cd "$DIR" && pwd -P)
    local n p up=0 down=0 ctld_up=0
    while read -r n p; do
        if pid_is "$p" "$n"; then
            echo "$n pid $p running"; up=$((up+1))
            [ "$n" = slurmctld ] && ctld_up=1
        else
            echo "$n pid $p NOT running"; down=$((down+1))
        fi
    done < "$DIR/pids"
    if [ "$ctld_up" = 1 ]; then
        export SLURM_CONF=$DIR/slurm.conf
        sinfo -N -o '%N %T %c %m %E' 2>&1 | sed 's/^/  /'
        squeue -o '%i %j %T %r' 2>&1 | sed 's/^/  /'
    fi
    [ "$down" = 0 ] && [ "$up" = 3 ] && return 0
    [ "$up" = 0 ] && return 3
    return 1
}

# ---------------------------------------------------------------- main
[ $# -ge 1 ] || usage
cmd=$1
case $cmd in
    install) do_install ;;
    start|stop|status)
        [ $# -eq 2 ] || usage
        DIR=$2
        case $DIR in /*) ;; *) DIR=$PWD/$DIR ;; esac
        "do_$cmd" ;;
    *) usage ;;
esac
