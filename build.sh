#!/usr/bin/env bash
# Login Helper for Pasona Career: build, test, demo.
#   ./build.sh         install what is missing, build dist/extension/ and dist/*.zip
#   ./build.sh test    every test: native Rust, wasm parity in a real browser,
#                      end to end in Chromium and Firefox with the built extension
#   ./build.sh demo    serve the sample pages as https://www.pasonacareer.jp/...,
#                      open Chromium with the extension, save screenshots to dist/demo/
#   ./build.sh repro   build twice from clean clones in two folders, compare the bytes
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

DIST=$ROOT/dist
EXT=$DIST/extension
TARGET_WASM=$ROOT/target/wasm32-unknown-unknown/release/plh.wasm
# Fixed timestamp for zip entries, so two builds give the same bytes.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}

log() { printf '==> %s\n' "$*" >&2; }

wasm_bindgen_version() {
  # The CLI must match the crate exactly or the glue and the wasm disagree.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_tools() {
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want
  want=$(wasm_bindgen_version)
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]]; then
    log "installing wasm-bindgen-cli $want (takes a few minutes once)"
    # Not --locked: a crate pinned in the CLI's own lock file is gone from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  if [[ ! -x node_modules/.bin/wasm-opt || ! -d node_modules/playwright-core ||
    ! -d node_modules/@resvg/resvg-js || ! -x node_modules/.bin/web-ext ]]; then
    log "installing the npm tools (binaryen's wasm-opt, resvg for the icons, web-ext, test drivers)"
    npm ci --no-audit --no-fund
  fi
}

build() {
  ensure_tools
  log "building the wasm (release)"
  cargo build --release --target wasm32-unknown-unknown --lib \
    --config "build.rustflags=['--remap-path-prefix=$ROOT=.', '--remap-path-prefix=$HOME/.cargo=~/.cargo']"
  rm -rf "$EXT"
  mkdir -p "$EXT/wasm" "$DIST/tmp"
  # ES module glue: imported by the content scripts' engine, the background
  # (a module worker) and the extension's pages; its .d.ts types the calls.
  wasm-bindgen --target web --out-dir "$DIST/tmp" --out-name plh "$TARGET_WASM"
  # -Oz twice, and addresses below 1024 unused (the bottom of Rust's 1 MiB
  # stack): about 0.5 kB less gzipped than one -Oz.
  wasm-opt -Oz -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue --strip-debug --strip-producers \
    "$DIST/tmp/plh_bg.wasm" -o "$EXT/wasm/plh_bg.wasm"
  cp "$DIST/tmp/plh.js" "$DIST/tmp/plh.d.ts" "$EXT/wasm/"
  cp manifest.json "$EXT/"
  cp -r extension/. "$EXT/"
  node tools/make-icons.mjs "$EXT/icons"
  rm -rf "$DIST/tmp"
  package
  local raw gz
  raw=$(stat -c %s "$EXT/wasm/plh_bg.wasm")
  gz=$(gzip -9 -c "$EXT/wasm/plh_bg.wasm" | wc -c)
  log "dist/extension ready: wasm ${raw} bytes raw, ${gz} bytes gzip -9"
}

package() {
  # The store zips: dist/extension/ with the background each engine runs (see
  # store_zip), then the source zip for Mozilla's reviewers. All byte-identical
  # from build to build: see zip_dir.
  rm -f "$DIST"/*.zip
  store_zip chrome
  store_zip firefox
  source_zip
}

# store_zip chrome|firefox: dist/login-helper-KIND.zip. The unpacked
# dist/extension/ names both backgrounds (`preferred_environment` tells
# Firefox's linter the fallback is deliberate), so it loads in both browsers,
# but Chromium warns that `background.scripts` is MV2-only and Firefox ignores
# `service_worker`. Each store's zip keeps only its engine's key: no warning.
store_zip() {
  local kind=$1 tree=$DIST/store-$1
  rm -rf "$tree"
  cp -r "$EXT" "$tree"
  node -e '
    const fs = require("fs");
    const [kind, file] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    const { service_worker, scripts, preferred_environment, ...rest } = m.background;
    m.background = kind === "chrome" ? { service_worker, ...rest } : { scripts, ...rest };
    fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
  ' "$kind" "$tree/manifest.json"
  zip_dir "$tree" "$DIST/login-helper-$kind.zip"
  rm -rf "$tree"
}

# zip_dir DIR OUT: every file under DIR in byte order of its path, modes
# normalised (0644, 0755 for executables), every mtime SOURCE_DATE_EPOCH (in
# UTC, as the zip's DOS time is local time), no extra fields (-X: no uid/gid or
# Unix timestamps) and no directory entries (-D).
zip_dir() {
  local dir=$1 out=$2 stamp
  stamp=$(TZ=UTC date -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M.%S)
  find "$dir" -type d -exec chmod 0755 {} +
  find "$dir" -type f -perm /111 -exec chmod 0755 {} +
  find "$dir" -type f ! -perm /111 -exec chmod 0644 {} +
  find "$dir" -exec env TZ=UTC touch -h -t "$stamp" {} +
  (cd "$dir" && find . -type f | LC_ALL=C sort | sed 's|^\./||' |
    TZ=UTC zip -q -X -D -9 "$out" -@)
}

# dist/login-helper-source.zip: the files git knows (committed, or new and not
# ignored: no dist/, target/, node_modules/), with SOURCE-BUILD.md's tool
# versions filled in from the tools that built this. Skipped outside a git work
# tree, e.g. when a reviewer builds from the source zip itself.
source_zip() {
  if [[ "$(git -C "$ROOT" rev-parse --show-toplevel 2>/dev/null)" != "$ROOT" ]]; then
    log "not a git work tree: no source zip"
    return 0
  fi
  local tree=$DIST/source-tree
  rm -rf "$tree"
  mkdir -p "$tree"
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do if [[ -f "$f" ]]; then printf '%s\0' "$f"; fi; done |
    xargs -0 cp -P --parents -t "$tree"
  local -A v=(
    [OS]="$(. /etc/os-release && echo "$PRETTY_NAME") $(uname -m)"
    [RUSTC]="$(rustc --version)"
    [RUST_VERSION]="$(rustc --version | cut -d' ' -f2)"
    [CARGO]="$(cargo --version)"
    [WASM_BINDGEN]="$(wasm-bindgen --version)"
    [WASM_OPT]="$(wasm-opt --version)"
    [BINARYEN]="$(npm_locked binaryen)"
    [RESVG]="$(npm_locked @resvg/resvg-js)"
    [WEB_EXT]="$(npm_locked web-ext)"
    [NODE]="$(node --version)"
    [NPM]="$(npm --version)"
    [ZIP]="$(zip -v | sed -n 's/^This is \(Zip [^ ]*\).*/\1/p')"
    [SOURCE_DATE_EPOCH]="$SOURCE_DATE_EPOCH"
  )
  local key script=()
  for key in "${!v[@]}"; do script+=(-e "s|@${key}@|${v[$key]}|g"); done
  sed "${script[@]}" SOURCE-BUILD.md >"$tree/SOURCE-BUILD.md"
  zip_dir "$tree" "$DIST/login-helper-source.zip"
  rm -rf "$tree"
}

# The version of an npm package that package-lock.json pins.
npm_locked() {
  node -p "require('./package-lock.json').packages['node_modules/$1'].version"
}

# Two builds from clean clones at different paths must give the same bytes.
repro() {
  bash tests/repro.sh "$@"
}

fuzz() {
  if ! command -v cargo-fuzz >/dev/null; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz
  fi
  log "fuzzing the analysers for $1 s"
  # Stable toolchain with libFuzzer's coverage and no sanitizer: the code is safe
  # Rust, and what the fuzzer hunts is a panic (an abort in the browser) or a hang.
  local status=0
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none analysers -- \
    -max_total_time="$1" -timeout=5 -rss_limit_mb=2048) >"$DIST/fuzz.log" 2>&1 || status=$?
  grep -E "^(Done [0-9]+ runs|SUMMARY|==[0-9]+== ERROR)" "$DIST/fuzz.log" >&2 || true
  if ((status != 0)); then
    tail -n 40 "$DIST/fuzz.log" >&2
    log "the fuzzer failed (exit $status); inputs, if any, in fuzz/artifacts/analysers/"
    return 1
  fi
}

run_tests() {
  build
  log "formatting and lints"
  cargo fmt --check
  cargo clippy --all-targets -- -D warnings
  log "native tests"
  cargo test
  fuzz "${PLH_FUZZ_SECONDS:-60}"
  # The same requests through native code, for the wasm-in-the-browser parity test.
  cargo run --quiet --example parity_cases > "$DIST/parity-cases.json"
  log "end-to-end tests (Chromium and Firefox, built extension loaded)"
  node --test --test-concurrency=1 tests/static/ tests/e2e/
}

case "${1:-build}" in
  build | "") build ;;
  test) run_tests ;;
  repro)
    shift
    repro "$@"
    ;;
  demo)
    build
    node tests/e2e/demo.mjs
    ;;
  bench)
    # Sizes, start-up, keystroke → warning, page-load overhead, native throughput → BENCHMARKS.md
    # (--short: tiny counts → dist/bench-short.md).
    build
    node tests/bench/run.mjs "${@:2}"
    ;;
  *)
    echo "usage: $0 [test|demo|repro]" >&2
    exit 2
    ;;
esac
