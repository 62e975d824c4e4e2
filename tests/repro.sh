#!/usr/bin/env bash
# Reproducible build check (`./build.sh repro`): clone the repository at HEAD
# into two folders with different paths, run ./build.sh in each, and compare
# the wasm, the whole unpacked extension and every zip byte for byte.
#
#   tests/repro.sh              clean clones of HEAD
#   tests/repro.sh --worktree   the same, with the working tree's uncommitted
#                               changes (and new, not ignored files) laid over
#                               both clones: to check before committing
#
# Both builds share ~/.cargo (the registry, wasm-bindgen-cli) and npm's cache;
# each has its own target/ and node_modules/ inside its clone. Each build takes
# a minute or two. The clones are removed on success, kept on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
A=${PLH_REPRO_A:-/tmp/plh-repro-a}
B=${PLH_REPRO_B:-/tmp/plh-repro-b-longer-name}
worktree=false
case "${1:-}" in
  "") ;;
  --worktree) worktree=true ;;
  *)
    echo "usage: $0 [--worktree]" >&2
    exit 2
    ;;
esac
# Nothing from the caller's environment may steer one build and not the other.
unset CARGO_TARGET_DIR RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS SOURCE_DATE_EPOCH

log() { printf '==> %s\n' "$*" >&2; }

# --worktree: one snapshot of the working tree for both clones (others may be
# editing it while the first build runs): the files as a tar, and the tracked
# files that are gone.
snapshot() {
  local f
  SNAP=$(mktemp -d)
  : >"$SNAP/gone"
  git -C "$SRC" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      if [[ -e "$SRC/$f" || -L "$SRC/$f" ]]; then printf '%s\0' "$f"; else printf '%s\0' "$f" >>"$SNAP/gone"; fi
    done |
    tar -C "$SRC" --null -T - -cf "$SNAP/files.tar"
}

overlay() {
  tar -C "$1" -xf "$SNAP/files.tar"
  (cd "$1" && xargs -0 -r rm -f <"$SNAP/gone")
}

# One commit for both, even if HEAD moves meanwhile.
REV=$(git -C "$SRC" rev-parse HEAD)
if $worktree; then
  snapshot
  trap 'rm -rf "$SNAP"' EXIT
fi

for dir in "$A" "$B"; do
  rm -rf "$dir"
  log "cloning ${REV:0:12}$($worktree && echo ' + working tree') into $dir"
  git clone -q "$SRC" "$dir"
  git -C "$dir" checkout -q --detach "$REV"
  if $worktree; then overlay "$dir"; fi
  log "building in $dir (log: $dir.log)"
  if ! (cd "$dir" && ./build.sh) >"$dir.log" 2>&1; then
    tail -n 40 "$dir.log" >&2
    log "the build in $dir failed"
    exit 1
  fi
done

status=0
files=(dist/extension/wasm/plh_bg.wasm dist/extension/content/engine.js dist/extension/loader.js)
for zip in "$A"/dist/*.zip; do files+=("dist/${zip##*/}"); done
for f in "${files[@]}"; do
  a=$(sha256sum <"$A/$f" | cut -d' ' -f1)
  if [[ ! -f "$B/$f" ]]; then
    printf 'MISSING  %s  in %s\n' "$f" "$B"
    status=1
  elif cmp -s "$A/$f" "$B/$f"; then
    printf 'same     %s  %s\n' "$a" "$f"
  else
    printf 'DIFFERS  %s  %s\n         %s  (%s)\n' "$a" "$f" "$(sha256sum <"$B/$f" | cut -d' ' -f1)" "$B"
    cmp "$A/$f" "$B/$f" | head -n 1 || true
    status=1
  fi
done
if ! diff -r "$A/dist/extension" "$B/dist/extension" >/dev/null; then
  diff -rq "$A/dist/extension" "$B/dist/extension" || true
  status=1
fi

if ((status == 0)); then
  rm -rf "$A" "$B" "$A.log" "$B.log"
  echo "repro: 1 passed, 0 failed (two builds at different paths are byte-identical)"
else
  log "not reproducible: the clones are kept in $A and $B (diffoscope or cmp -l to see where)"
  echo "repro: 0 passed, 1 failed"
fi
exit "$status"
