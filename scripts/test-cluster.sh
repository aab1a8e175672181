#!/usr/bin/env bash
# The cluster test (docs/cluster.md): a real single-node Slurm (munged, slurmctld, slurmd) started
# here and stopped here, pass or fail. It checks that
#   1. `mesascope slurm --submit` (a job array of shards, then a merge job after it) writes the same
#      report, byte for byte, as a local `mesascope run`;
#   2. a shard cancelled with scancel leaves the merge pending; resubmitting that shard and a new
#      merge gives the same bytes again;
#   3. with sequential seeds, the merge job submits the next look by itself until every prediction
#      is decided, and the result equals the local run's.
# Usage: scripts/test-cluster.sh PATH-TO-MESASCOPE   (as root; installs munge and Slurm if missing)
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CLUSTER=$HERE/slurm-cluster.sh
MESASCOPE=$(cd "$(dirname "${1:-.build/release/mesascope}")" && pwd)/$(basename "${1:-.build/release/mesascope}")
[ -x "$MESASCOPE" ] || { echo "error: no mesascope at $MESASCOPE (build it first: swift build -c release)" >&2; exit 1; }

if [ "$(id -u)" != 0 ]; then
    echo "error: the cluster test starts munged, slurmctld and slurmd, which needs root." >&2
    echo "Run it as root (sudo make test-cluster); it installs, as root: apt-get install -y --no-install-recommends munge slurmctld slurmd slurm-client" >&2
    exit 1
fi
for c in munged slurmctld slurmd sbatch squeue scancel; do
    command -v "$c" >/dev/null || { "$CLUSTER" install || exit 1; break; }
done

PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }

D=$(mktemp -d /tmp/mesascope-cluster.XXXXXX)
chmod 755 "$D"
cleanup() {
    local rc=$?
    "$CLUSTER" stop "$D/cluster" || rc=1
    if [ "$rc" = 0 ] && [ "$FAIL" = 0 ]; then rm -rf "$D"; else echo "kept $D for inspection" >&2; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$CLUSTER" start "$D/cluster" > "$D/env" || exit 1
# shellcheck disable=SC1090
. "$D/env"

# Wait until none of the given jobs is queued (pending, running or completing), at most $2 s.
wait_jobs() {
    local jobs=$1 limit=${2:-180} t0=$SECONDS
    while [ -n "$(squeue -h -j "$jobs" -o %i 2>/dev/null)" ]; do
        [ $((SECONDS - t0)) -lt "$limit" ] || { echo "timeout waiting for jobs $jobs" >&2; squeue >&2; return 1; }
        sleep 0.5
    done
}
# Wait until the queue is empty (the merge job of sequential seeds submits more jobs), at most $1 s.
wait_queue() {
    local limit=${1:-300} t0=$SECONDS
    while [ -n "$(squeue -h -o %i 2>/dev/null)" ]; do
        [ $((SECONDS - t0)) -lt "$limit" ] || { echo "timeout waiting for the queue" >&2; squeue >&2; return 1; }
        sleep 0.5
    done
}
# "Submitted look 1 of 1 of SLUG: shards 12 (3 tasks), merge 13." -> "12 13"
job_ids() { sed -nE 's/.*shards ([0-9]+) .*merge ([0-9]+)\..*/\1 \2/p' "$1"; }
same_report() {  # local-folder cluster-folder what
    if diff -r "$1" "$2" >/dev/null; then ok "$3"; else bad "$3"; diff -r --brief "$1" "$2" | head -n 10; fi
}

W=$D/work
mkdir -p "$W"
cat > "$W/tiny.mesa" <<'EOF'
scenario "Cluster test"

"""
A small sweep, run once on this machine and once as a Slurm job array.
"""

environment { maze 4 x 4; instances [1, 4, 16] }
deployment { instances 6 }
model { parameters 48; search_cost 8 * x; max_bits 3 }
training { optimizer [exact, hill_climb]; steps 300; seeds 3 }
expect { mesa_optimizer rises along instances at optimizer exact }
EOF
cat > "$W/looks.mesa" <<'EOF'
scenario "Cluster looks"
environment { maze 4 x 4; instances [1, 16] }
deployment { instances 4 }
model { parameters 64; search_cost 8 * x; max_bits 3 }
training { optimizer exact; seeds 4 ... 64 }
bias { description_length 0.02 }
expect { mesa_optimizer at_most 0.3 at instances 1 }
EOF
cd "$W" || exit 1

# The reference: one local run.
"$MESASCOPE" run tiny.mesa looks.mesa --out "$W/local" --cache "$W/cache-local" >/dev/null 2>&1 \
    || { bad "the local run"; exit 1; }

# 1. A job array of three shards and a merge job after it.
"$MESASCOPE" slurm tiny.mesa --shards 3 --submit --cache "$W/cache" --out "$W/cluster" --scripts "$W/slurm-tiny" \
    > "$W/submit.txt" 2>&1 || { cat "$W/submit.txt"; bad "mesascope slurm --submit"; exit 1; }
read -r ARRAY MERGE < <(job_ids "$W/submit.txt")
[ -n "${ARRAY:-}" ] && [ -n "${MERGE:-}" ] && ok "submitted shards $ARRAY and merge $MERGE" || bad "job ids in: $(cat "$W/submit.txt")"
wait_jobs "$ARRAY,$MERGE" 240
same_report "$W/local/cluster-test" "$W/cluster/cluster-test" "the job array's merged report equals the local run's, byte for byte"
[ "$(ls "$W/cache/shards/cluster-test" | wc -l)" = 3 ] && ok "three shard manifests in the shared cache" || bad "shard manifests"

# 2. A shard cancelled before it runs: the merge never starts; resubmitted, the bytes are the same.
"$MESASCOPE" slurm tiny.mesa --shards 3 --submit --cache "$W/cache2" --out "$W/cluster2" --scripts "$W/slurm-tiny2" \
    --sbatch=--begin=now+600 > "$W/submit2.txt" 2>&1 || { cat "$W/submit2.txt"; bad "second submission"; exit 1; }
read -r ARRAY2 MERGE2 < <(job_ids "$W/submit2.txt")
scancel "${ARRAY2}_2"
scontrol update JobId="$ARRAY2" StartTime=now >/dev/null 2>&1
scontrol update JobId="$MERGE2" StartTime=now >/dev/null 2>&1
for task in 1 3; do wait_jobs "${ARRAY2}_$task" 240; done
# The controller marks the dependency unsatisfiable on its next scheduling pass.
REASON=""
for _ in $(seq 1 60); do
    REASON=$(squeue -h -j "$MERGE2" -o %r 2>/dev/null)
    [ "$REASON" = DependencyNeverSatisfied ] && break
    sleep 0.5
done
[ "$REASON" = DependencyNeverSatisfied ] && ok "with shard 2 cancelled the merge waits: $REASON" \
    || bad "merge state after a cancelled shard: '${REASON:-gone}'"
[ ! -e "$W/cluster2/cluster-test" ] && ok "no report from an incomplete set of shards" || bad "a report appeared without shard 2"
"$MESASCOPE" merge tiny.mesa --cache "$W/cache2" --out "$W/manual" > "$W/merge-incomplete.txt" 2>&1
STATUS=$?
[ "$STATUS" = 65 ] && grep -q "shard 2/3 of look 1 has not run" "$W/merge-incomplete.txt" \
    && ok "merge by hand names the missing shard (exit 65)" || { bad "merge of an incomplete set (exit $STATUS)"; cat "$W/merge-incomplete.txt"; }
scancel "$MERGE2"
RESUB=$(sbatch --parsable --array=2 "$W/slurm-tiny2/shards-look-1.sbatch" 2>&1 | cut -d';' -f1)
scontrol update JobId="$RESUB" StartTime=now >/dev/null 2>&1
MERGE3=$(sbatch --parsable --dependency=afterok:"$RESUB" "$W/slurm-tiny2/merge-look-1.sbatch" 2>&1 | cut -d';' -f1)
scontrol update JobId="$MERGE3" StartTime=now >/dev/null 2>&1   # the scripts carry --begin=now+600
wait_jobs "$RESUB,$MERGE3" 240
same_report "$W/local/cluster-test" "$W/cluster2/cluster-test" "shard 2 resubmitted: the merged report equals the local run's, byte for byte"

# 3. Sequential seeds: the merge job submits the next look until the prediction is decided.
"$MESASCOPE" slurm looks.mesa --shards 2 --submit --cache "$W/cache3" --out "$W/cluster3" --scripts "$W/slurm-looks" \
    > "$W/submit3.txt" 2>&1 || { cat "$W/submit3.txt"; bad "submission with looks"; exit 1; }
wait_queue 300
LOOKS=$(ls "$W/slurm-looks" | grep -c '^merge-look-')
[ "$LOOKS" -ge 2 ] && ok "the merge jobs submitted looks by themselves ($LOOKS looks)" || bad "only $LOOKS look(s) submitted"
same_report "$W/local/cluster-looks" "$W/cluster3/cluster-looks" "sequential seeds on Slurm equal the local run, byte for byte"

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
