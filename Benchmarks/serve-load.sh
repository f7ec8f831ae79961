#!/usr/bin/env bash
# Load and live-reload benchmark for `docgen serve` on the bundled content/.
#
#  1. Starts `docgen serve content --port <free>` in the background, samples its RSS (ps -o rss=)
#     before, during and after `wrk -t2 -c50 -d10s http://127.0.0.1:PORT/overview.html`, and prints
#     requests/s, latency and memory.
#  2. Runs Benchmarks/serve-saves.py on a temporary copy of content/: keeps a live-reload stream
#     open, appends to overview.md RELOADS times and prints the time from each write to the
#     `reload` event.
#
# Only 127.0.0.1 is contacted. Everything it starts is stopped on exit.
#
# Environment: DOCGEN (default .build/release/docgen, built if missing), TEMPLATES (default
# site-templates/), DURATION (default 10s), CONNECTIONS (default 50; serve keeps at most 256 open),
# RELOADS (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

DOCGEN=${DOCGEN:-.build/release/docgen}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
RELOADS=${RELOADS:-10}
TEMPLATES=${TEMPLATES:-site-templates}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk from Debian's packages"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
if [ ! -x "$DOCGEN" ]; then
  echo "Building $DOCGEN (release)"
  swift build -c release --product docgen
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the server on $1 (content folder) and waits until it answers; sets server_pid and port.
start_server() {
  port=$(free_port)
  "$DOCGEN" serve "$1" --port "$port" --templates "$TEMPLATES" -v >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "the server exited" >&2; exit 1; }
    sleep 0.1
  done
  cat "$work/server.log"
  echo "the server did not answer within 30 s" >&2
  exit 1
}

stop_server() {
  local started stopped
  started=$(date +%s%N)
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  stopped=$(date +%s%N)
  echo "stopped in $(( (stopped - started) / 1000000 )) ms"
  server_pid=""
}

rss() { ps -o rss= -p "$server_pid" | tr -d ' '; }

# --- 1. Load -------------------------------------------------------------------------------
start_server content
url="http://127.0.0.1:$port/overview.html"
status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
[ "$status" = 200 ] || { echo "GET $url answered $status" >&2; exit 1; }
rss_before=$(rss)

wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
rss_peak=$rss_before
while kill -0 "$wrk_pid" 2>/dev/null; do
  sample=$(rss || echo 0)
  [ "${sample:-0}" -gt "$rss_peak" ] && rss_peak=$sample
  sleep 0.5
done
wait "$wrk_pid"
sleep 1
rss_after=$(rss)

echo "== docgen serve content, wrk -t2 -c$CONNECTIONS -d$DURATION $url"
sed -n '/Thread Stats/,/Transfer/p' "$work/wrk.txt"
echo "requests/s: $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
echo "memory (RSS): before ${rss_before} KiB, peak during ${rss_peak} KiB, after ${rss_after} KiB"
stop_server
if ! python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', $port)); s.listen(1)"; then
  echo "port $port was not freed" >&2
  exit 1
fi
echo "port $port free again right after the stop"

# --- 2. Edit-to-reload latency ----------------------------------------------------------------
cp -R content "$work/content"
echo "== edit-to-reload latency on content/ (Benchmarks/serve-saves.py)"
python3 Benchmarks/serve-saves.py "$DOCGEN" "$work/content" overview.md --saves "$RELOADS" --templates "$TEMPLATES"
