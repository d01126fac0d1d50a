#!/usr/bin/env bash
# Records which classes the app loads when it starts and steers a session: opens the real window
# in --smoke mode on a demo session (the embedded emulator) with the runtime that will ship, and
# writes the class list postinst turns into a class-data-sharing archive.
#   usage: packaging/linux/cds-classlist.sh RUNTIME JAR OUT.classlist
# Needs a display: uses $DISPLAY, else xvfb-run (apt-get install xvfb xauth).
set -euo pipefail
runtime=$1 jar=$2 out=$3
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
run=()
if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || { echo "cds-classlist: no DISPLAY and no xvfb-run: apt-get install xvfb xauth" >&2; exit 1; }
  run=(xvfb-run -a -s "-screen 0 1400x900x24")
fi
rm -f "$out"
"${run[@]}" "$runtime/bin/java" -XX:DumpLoadedClassList="$out" -cp "$jar" \
    dev.agentconsole.AgentConsole --smoke --data-dir="$data"
echo "cds-classlist: $(wc -l <"$out") classes recorded in $out"
