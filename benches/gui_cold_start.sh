#!/usr/bin/env bash
# Cold start to first frame, and peak memory, of the desktop app in a real window under Xvfb.
#
#   benches/gui_cold_start.sh <coolplan binary> [site.ron] [runs]
#
# eframe keeps the window hidden until its first frame is painted (eframe 0.37,
# epi_integration.rs: `window.set_visible(true)` after the first paint), so the time from
# spawning the process to the window becoming visible (polled with xdotool every 5 ms) is
# the cold start to first frame. Three seconds later the process's VmHWM (peak resident
# memory) is read from /proc and the app is ended. Needs Xvfb and xdotool (Debian packages
# xvfb, xdotool) and Mesa's software OpenGL; settings and recovery files go to a temporary
# XDG_DATA_HOME so no earlier session's files are read.
set -euo pipefail
bin=$(realpath "$1")
site=${2:-}
runs=${3:-5}
display=:${COOLPLAN_XVFB_DISPLAY:-97}

Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$display XDG_DATA_HOME=$data

for run in $(seq "$runs"); do
  start=$(date +%s%N)
  if [ -n "$site" ]; then "$bin" open "$site" 2>/dev/null & else "$bin" 2>/dev/null & fi
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "run $run: the app exited before its first frame" >&2; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  sleep 3
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "run $run: first frame after $(( (end - start) / 1000000 )) ms, peak memory $(( hwm / 1024 )) MB"
done
