#!/usr/bin/env bash
# The desktop group's session, run inside `dbus-run-session --` (see .ci/run):
#   dbus-run-session -- bash packaging/linux/desktop-session.sh COMMAND...
# Starts a throwaway gnome-keyring (the Secret Service) on this session bus, with its keyrings in a
# temporary folder and its login keyring created and unlocked with a throwaway password (gnome-keyring
# reads it on stdin: no prompt, no display), runs COMMAND, then stops that daemon and deletes the folder.
# The daemon gets an XDG_RUNTIME_DIR and XDG_DATA_HOME of its own, so on a developer's desktop it
# neither finds nor unlocks the desktop's own daemon, nor touches the keyrings in ~/.local/share.
# COMMAND sees AGENT_CONSOLE_TEST_KEYRING (the throwaway keyrings' folder): the real-keychain tests
# run only where it is set.
set -euo pipefail

if [[ -z ${DBUS_SESSION_BUS_ADDRESS:-} ]]; then
  echo "desktop-session.sh: no session bus: run it inside dbus-run-session" >&2
  exit 2
fi
command -v gnome-keyring-daemon >/dev/null || { echo "desktop-session.sh: gnome-keyring is not installed" >&2; exit 2; }

home=$(mktemp -d -t agent-console-keyring.XXXXXX)
mkdir -m 700 "$home/data" "$home/run"
daemon_pid=
cleanup() {
  if [[ -n $daemon_pid ]]; then kill "$daemon_pid" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT

owner_pid() { # the pid of the process that owns org.freedesktop.secrets on this bus, if any
  dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null | awk '{print $2}' || true
}

# In the foreground (backgrounded here), so that its pid is known and it is stopped whatever happens:
# a daemonized one can outlive the bus.
printf '%s' "throwaway-$RANDOM$RANDOM" | env -u GNOME_KEYRING_CONTROL \
  XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
daemon_pid=$!
for _ in $(seq 100); do
  [[ $(owner_pid) == "$daemon_pid" ]] && break
  sleep 0.1
done
if [[ $(owner_pid) != "$daemon_pid" ]]; then
  echo "desktop-session.sh: gnome-keyring did not take org.freedesktop.secrets on the bus" >&2
  exit 1
fi
echo "desktop-session.sh: gnome-keyring (pid $daemon_pid) serves the Secret Service, keyrings in $home/data/keyrings"

export AGENT_CONSOLE_TEST_KEYRING="$home/data/keyrings"
set +e
"$@"
status=$?
set -e
exit "$status"
