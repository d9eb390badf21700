#!/usr/bin/env bash
# Runs every fuzz target of a sanitizer build for SECONDS each, one after another, starting from
# its corpus in tests/fuzz/corpus/<target>/ (and its dictionary, if any). New inputs go to
# BUILD/fuzz-scratch/<target>/ and crashes to BUILD/fuzz-crashes/<target>/, never into the
# repository. Fails if any target finds a crash. Usage: run.sh BUILD [SECONDS] [TARGET...]
set -uo pipefail

build=${1:?usage: run.sh BUILD [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for corpus in "$here"/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

failed=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "run.sh: no $binary (build the sanitizer directory first)" >&2
    exit 2
  fi
  scratch="$build/fuzz-scratch/$target"
  crashes="$build/fuzz-crashes/$target"
  mkdir -p "$scratch" "$crashes"
  options=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$crashes/")
  [ -f "$here/$target.dict" ] && options+=(-dict="$here/$target.dict")
  echo "== $target: ${seconds}s"
  # The first directory receives new inputs; the committed corpus is only read.
  if ! "$binary" "${options[@]}" "$scratch" "$here/corpus/$target" 2>"$build/fuzz-$target.log"; then
    failed+=("$target")
    grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz invariant)" "$build/fuzz-$target.log" | head -5
  fi
  grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" "$build/fuzz-$target.log" | tail -2
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run.sh: crashes in ${failed[*]} (inputs under $build/fuzz-crashes/, logs in $build/fuzz-*.log)" >&2
  exit 1
fi
echo "run.sh: every target ran clean"
