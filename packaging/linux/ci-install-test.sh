#!/usr/bin/env bash
# Installs the .deb `mvn -B -Pdist package` built, the way a user would (apt-get), and checks the
# installed app for real: the launcher opens the window under Xvfb and steers a session on a
# standalone emulator (--smoke), again with a damaged CDS archive and with a temp folder nothing can
# be unpacked into, the installed CLI sends a message, and removing the package leaves nothing
# behind. Run as root (CI does: .ci/run).
#   usage: packaging/linux/ci-install-test.sh target/dist/agent-console_*.deb
set -euo pipefail
deb=$(readlink -f "$1")
work=$(mktemp -d)
emulator_pid=
cleanup() {
  [[ -n $emulator_pid ]] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "installer: $(basename "$deb"), $(stat -c %s "$deb") bytes"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "$deb" || { apt-get update -q && apt-get install -y -q "$deb"; }

echo "== on PATH: $(command -v agent-console) -> $(readlink -f "$(command -v agent-console)")"
agent-console --version
jsa=/opt/agent-console/lib/app/agent-console.jsa
[[ -s $jsa ]] || { echo "postinst built no CDS archive" >&2; exit 1; }
[[ -s /opt/agent-console/lib/app/libsqlitejdbc.so ]] || { echo "SQLite's native library is not beside the jar" >&2; exit 1; }
grep -q -- '-Dorg.sqlite.lib.path=$APPDIR' /opt/agent-console/lib/app/agent-console.cfg \
  || { echo "the launcher does not load SQLite's library from beside the jar" >&2; exit 1; }

echo "== a standalone emulator, from the installed CLI"
export AGENT_CONSOLE_EMULATOR_TOKEN="ci-$$-$RANDOM"
agent-console emulator --port 0 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do
  grep -q "H demo session" "$work/emulator.log" 2>/dev/null && break
  sleep 0.2
done
url=$(sed -n 's/.*serving at //p' "$work/emulator.log")
session=$(sed -n 's/^H demo session: *//p' "$work/emulator.log")
[[ -n $url && -n $session ]] || { cat "$work/emulator.log" >&2; exit 1; }
export HAI_API_KEY=$AGENT_CONSOLE_EMULATOR_TOKEN

smoke() { # a hung window fails the check within 5 minutes rather than holding CI
  local rc=0
  timeout -k 30 300 xvfb-run -a -s "-screen 0 1400x900x24" agent-console --smoke --provider hcompany --base-url "$url" \
      --session "$session" --data-dir "$work/data-$1" >"$work/smoke-$1.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    if ((rc == 124 || rc == 137)); then echo "smoke ($1) timed out after 300 s:" >&2; else echo "smoke ($1) failed:" >&2; fi
    cat "$work/smoke-$1.log" >&2
    exit 1
  fi
  grep '^smoke:' "$work/smoke-$1.log"
}
echo "== the installed window, with the CDS archive"
smoke cds
echo "== the same with a damaged archive: the JVM must ignore it"
mv "$jsa" "$work/archive.jsa"
echo "not an archive" >"$jsa"
smoke damaged-archive
mv "$work/archive.jsa" "$jsa"
echo "== the same where nothing can be unpacked into the temp folder (as under a /tmp mounted noexec):"
echo "   SQLite's library loads from beside the jar"
touch "$work/a-file"
JAVA_TOOL_OPTIONS="-Dorg.sqlite.tmpdir=$work/a-file/tmp" smoke no-temp-folder

echo "== the installed CLI"
agent-console send --provider hcompany --base-url "$url" --session "$session" "CI: the installed CLI says hello"

kill "$emulator_pid"
emulator_pid=
echo "== removing the package"
apt-get remove -y -q agent-console
for left in /usr/bin/agent-console /opt/agent-console; do
  [[ ! -e $left ]] || { echo "left behind after removal: $left" >&2; exit 1; }
done
echo "installer check passed"
