# What the benchmark scripts share; each sources it.

# wait_for_server PID URL: returns once URL answers (within 30 s); fails at once, saying so, if
# the process PID has exited (a server that crashes at start is not a fast one).
wait_for_server() {
  local pid=$1 url=$2
  for _ in $(seq 150); do
    curl -sf "$url" >/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$(basename "$0"): the server exited before it answered $url" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "$(basename "$0"): the server did not answer $url within 30 s" >&2
  return 1
}
