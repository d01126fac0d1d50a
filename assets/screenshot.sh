#!/usr/bin/env bash
# Regenerates assets/screenshot.png: the real window in demo mode under a private X server.
# The agent asks its question, the script types an answer as an operator would, and the shot
# is taken while the agent acts on it. Needs xvfb, xdotool and imagemagick (apt-get install).
#   usage: assets/screenshot.sh [OUT.png]   (after mvn -B package)
set -eu
cd "$(dirname "$0")/.."
out=${1:-assets/screenshot.png}
display=":$((200 + RANDOM % 500))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
DISPLAY=$display java -jar target/agent-console.jar >/dev/null 2>&1 &
app=$!
sleep 9
wid=$(DISPLAY=$display xdotool search --name "Agent Console" | head -1)
DISPLAY=$display xdotool windowmove "$wid" 0 0 windowsize "$wid" 1400 900
sleep 1
DISPLAY=$display xdotool type --delay 40 "The cheaper one, please. Check that breakfast is included."
DISPLAY=$display xdotool key Return
sleep 2
DISPLAY=$display import -window root "$out"
DISPLAY=$display xdotool key ctrl+q
wait $app || true
echo "wrote $out"
