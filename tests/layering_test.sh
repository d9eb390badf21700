#!/usr/bin/env bash
# The link lines are the layering: every library under src/ names in its CMake link line each
# library whose headers it includes (src/X/ is andel_X), and no library includes one it does not
# link. So a domain that includes the store, or the store that includes the web layer, fails here,
# as does a web file that includes a domain the web's link line leaves out.
# Usage: layering_test.sh SOURCE_DIR
set -uo pipefail

src=${1:?usage: layering_test.sh SOURCE_DIR}/src
failed=0
checked=0
for dir in "$src"/*/; do
  name=$(basename "$dir")
  # Every andel_* a CMakeLists.txt of this folder (or below) links, and the targets it defines.
  linked=$(find "$dir" -name CMakeLists.txt -exec cat {} + |
    tr '\n' ' ' | grep -oE 'target_link_libraries\([^)]*\)' | grep -oE 'andel_[a-z_]+' | sort -u)
  defined=$(find "$dir" -name CMakeLists.txt -exec cat {} + |
    grep -oE 'add_(library|executable)\(andel_[a-z_]+' | sed 's/.*(//' | sort -u)
  allowed=$(printf '%s\n%s\nandel_%s\n' "$linked" "$defined" "$name")
  # A folder of the web or store layer includes itself; a domain includes its own headers.
  while IFS= read -r included; do
    [ -z "$included" ] && continue
    checked=$((checked + 1))
    target="andel_$included"
    [ "$included" = "$name" ] && continue
    if ! grep -qx "$target" <<<"$allowed"; then
      echo "FAIL: src/$name includes $included/ but its link line does not name $target:"
      grep -rlE "#include \"$included/" "$dir" | sed "s|^$src/|  src/|"
      failed=$((failed + 1))
    fi
  done < <(grep -rhoE '#include "[a-z_]+/' "$dir" | sed -E 's/#include "([a-z_]+)\//\1/' | sort -u)
done
echo "layering: $checked included libraries checked, $failed not linked"
[ "$checked" -gt 30 ] || { echo "FAIL: too few includes found under $src"; exit 1; }
[ "$failed" -eq 0 ]
