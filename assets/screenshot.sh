#!/usr/bin/env bash
# Regenerates assets/screenshot.png: the real window in demo mode under a private X server, with
# four sessions side by side. Each is renamed (F2) as an operator would; three agents ask their
# question and wait in the inbox; the first is answered and works on it. Needs xvfb, xdotool and
# imagemagick (apt-get install).
#   usage: assets/screenshot.sh [OUT.png]   (after mvn -B package)
set -eu
cd "$(dirname "$0")/.."
out=${1:-assets/screenshot.png}
data=$(mktemp -d)
display=":$((200 + RANDOM % 500))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
x() { DISPLAY=$display xdotool "$@"; }
DISPLAY=$display java -jar target/agent-console.jar --data-dir "$data" >/dev/null 2>&1 &
app=$!
sleep 8
wid=$(x search --name "Agent Console" | head -1)
x windowmove "$wid" 0 0 windowsize "$wid" 1400 900
sleep 1
for _ in 1 2 3; do # Ctrl+T, an empty session field, Enter: a new demo session beside the others
  x key ctrl+t; x key ctrl+a BackSpace Return
  sleep 2
done
n=1
for title in "Kyoto hotel, June 15-20" "Team offsite: a ryokan for 12" "Gion or Higashiyama?" "Booking for Mr. Sato"; do
  x key "ctrl+$n"; sleep 0.5; x key F2; sleep 0.3
  x key ctrl+a; x type --delay 20 "$title"; x key Return
  n=$((n + 1))
  sleep 0.5
done
sleep 10 # every agent asks its question
x key ctrl+1; sleep 1
x type --delay 40 "The cheaper one, please. Check that breakfast is included."
x key Return
sleep 2
DISPLAY=$display import -window root "$out"
x key ctrl+q
wait $app || true
echo "wrote $out"
