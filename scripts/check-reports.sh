#!/usr/bin/env bash
# Reruns every bundled scenario into a temporary folder and compares it byte for byte with the
# committed reports/: the determinism check of the whole pipeline (scenario → results → report).
# Usage: scripts/check-reports.sh PATH-TO-MESASCOPE
set -euo pipefail
binary=${1:-.build/release/mesascope}
# Beside reports/, so each report records its scenario file by the same relative path
# (`source_path`: ../scenarios/NAME.mesa) as the committed ones.
fresh=$(mktemp -d "$PWD/.reports-check.XXXXXX")
cache=$(mktemp -d)
trap 'rm -rf "$fresh" "$cache"' EXIT

"$binary" check scenarios
# A fresh, empty run cache: every run is simulated again, so the check covers the engine too.
"$binary" run scenarios --out "$fresh" --jobs 2 --cache "$cache" >/dev/null

if diff -r --brief reports "$fresh"; then
  echo "reports: a fresh run reproduces the committed reports byte for byte"
else
  echo "error: a fresh run differs from the committed reports (listed above)." >&2
  echo "If the change is intended, regenerate them with 'make report' and commit reports/." >&2
  exit 1
fi
