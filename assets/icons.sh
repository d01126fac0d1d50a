#!/usr/bin/env bash
# Regenerates the application icon's raster files from assets/icon/agent-console.svg:
#   PNG 16-512 (the window and the Linux launcher), ICO (Windows), ICNS (macOS).
# Needs rsvg-convert, icotool and png2icns: apt-get install librsvg2-bin icoutils icnsutils
#   usage: assets/icons.sh   (commit the files it writes)
set -euo pipefail
cd "$(dirname "$0")/icon"
svg=agent-console.svg
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "agent-console-$size.png"
done
icotool -c -o agent-console.ico agent-console-{16,24,32,48,64,128}.png -r agent-console-256.png
png2icns agent-console.icns agent-console-{16,32,48,128,256,512}.png >/dev/null
ls -l agent-console*
