#!/usr/bin/env bash
# HTTP benchmark: the community members page (HTML, 150 members), the same data as JSON, and
# nginx serving the same HTML bytes as a static file (this machine's reference), all measured
# with wrk on loopback in one run. Prints a Markdown table with ratios to nginx.
#   bench/http.sh PATH/TO/andel [DURATION_SECONDS] [CONNECTIONS]
set -Eeuo pipefail
. "$(dirname "$0")/lib.sh"
shopt -s inherit_errexit
# Fail loudly: a command that fails ends the run, named (a crash once showed up as a fast run).
trap 'echo "bench/http.sh: \"$BASH_COMMAND\" failed (exit $?, line $LINENO)" >&2' ERR
andel=$1
duration=${2:-10}
connections=${3:-64}
work=$(mktemp -d)
andel_pid=
nginx_pid=
trap 'kill $andel_pid $nginx_pid 2>/dev/null || true; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
andel_port=$(free_port)
nginx_port=$(free_port)

"$andel" serve --db "sqlite:$work/bench.db" --port "$andel_port" --demo >"$work/andel.log" 2>"$work/andel.err" &
andel_pid=$!
wait_for_server "$andel_pid" "http://127.0.0.1:$andel_port/api/v1/health"

page="/c/aarhus-partnerskab/members"
mkdir -p "$work/www"
curl -sf "http://127.0.0.1:$andel_port$page" -o "$work/www/members.html"

cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { default_type text/html; }
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

measure() {  # URL [LUA_SCRIPT] -> "requests_per_second p99_ms"
  wrk -t2 -c"$connections" -d"${duration}s" --latency ${2:+-s "$2"} "$1" >"$work/wrk.txt"
  # wrk counts refused connections and error answers without failing: a dead server or error
  # pages would be timed as a result.
  if grep -q -e "Non-2xx or 3xx responses" -e "Socket errors: connect [1-9]" "$work/wrk.txt" ||
    ! kill -0 "$andel_pid" 2>/dev/null; then
    echo "bench/http.sh: wrk $1 met errors or a stopped server:" >&2
    cat "$work/wrk.txt" >&2
    exit 1
  fi
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  echo "$rps $p99"
}

# Into a file, not < <(…): a failure in a process substitution would go unnoticed.
measure "http://127.0.0.1:$nginx_port/members.html" >"$work/nginx.measured"
read -r nginx_rps nginx_p99 <"$work/nginx.measured"
measure "http://127.0.0.1:$andel_port$page" >"$work/html.measured"
read -r html_rps html_p99 <"$work/html.measured"
# Searches that are each new to the server: nothing cached, a query and a render every time.
cat >"$work/search.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local names = {"jensen", "nielsen", "hansen", "mette", "lars", "sofie", "anders", "aarhus"}
  local q = names[counter % #names + 1] .. "&page=" .. (counter % 100000 + 1)
  return wrk.format(nil, "/c/aarhus-partnerskab/members?q=" .. q)
end
LUA
measure "http://127.0.0.1:$andel_port$page" "$work/search.lua" >"$work/search.measured"
read -r search_rps search_p99 <"$work/search.measured"
measure "http://127.0.0.1:$andel_port/api/v1/communities/aarhus-partnerskab/members?per_page=200" >"$work/json.measured"
read -r json_rps json_p99 <"$work/json.measured"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$andel_pid/status")
bytes=$(wc -c <"$work/www/members.html")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "wrk, ${connections} connections, ${duration}s each, loopback; HTML page ${bytes} bytes"
echo
echo "| what | requests/s | p99 latency (ms) | ratio to nginx |"
echo "|---|---:|---:|---:|"
echo "| nginx, same HTML as a static file | ${nginx_rps} | ${nginx_p99} | 1.00 |"
echo "| members page, HTML (150 members) | ${html_rps} | ${html_p99} | $(ratio "$html_rps" "$nginx_rps") |"
echo "| member search, never cached | ${search_rps} | ${search_p99} | $(ratio "$search_rps" "$nginx_rps") |"
echo "| members, JSON (all 150) | ${json_rps} | ${json_p99} | $(ratio "$json_rps" "$nginx_rps") |"
echo
echo "andel resident memory after the run: $((rss_kb / 1024)) MB"
