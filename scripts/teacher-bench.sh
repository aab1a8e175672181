#!/usr/bin/env bash
# Builds and runs the teacher world's prototype table (scripts/teacher-bench/main.swift) with the
# MesaLearning sources compiled in one optimised module, the way a release build compiles them.
# Usage: scripts/teacher-bench.sh [--widths 4,16,64,256] [--seeds 2] [--layers 1] [--triggers input,region]
#                                 [--steps 3000] [--phase2-steps 6000] [--phase2-decay 0.1] [--p 0.1]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${TMPDIR:-/tmp}/teacher-bench"
swiftc -O -wmo -module-name MesaLearning -lm -o "$out" \
  "$root"/Sources/MesaLearning/Core/*.swift "$root"/Sources/MesaLearning/Teacher/*.swift \
  "$root"/scripts/teacher-bench/main.swift
"$out" "$@"
