#!/usr/bin/env bash
# Runs the any-browser journeys: Firefox ESR headless, and WebKit's MiniBrowser on a virtual display.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DISPLAY="${DISPLAY:-:99}"
xvfb_pid=""
if ! xdpyinfo -display "$DISPLAY" >/dev/null 2>&1 && [ ! -e "/tmp/.X11-unix/X${DISPLAY#:}" ]; then
  Xvfb "$DISPLAY" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
node --test --test-concurrency=1 tests/e2e/any-browser.test.mjs
