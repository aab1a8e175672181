#!/usr/bin/env bash
# Copies the table "At a glance" of reports/index.md into README.md, between its glance markers,
# with the links made relative to the project. A test (ReadmeGlanceTests) checks that the two agree.
# Usage: scripts/readme-glance.sh   (after `make report`)
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(awk '/^## At a glance$/ {on=1; next} on && /^## / {exit} on' reports/index.md \
  | sed -e 's#](\([^)]*\)/report\.md)#](reports/\1/report.md)#' | sed -e '/./,$!d')
[ -n "$table" ] || { echo "error: reports/index.md has no table at a glance (run make report)" >&2; exit 1; }
TABLE="$table" awk '
  /^<!-- glance:begin/ {print; print ""; print ENVIRON["TABLE"]; print ""; skip=1; next}
  /^<!-- glance:end -->/ {skip=0}
  !skip' README.md > README.md.new
mv README.md.new README.md
echo "README.md: table at a glance updated from reports/index.md"
