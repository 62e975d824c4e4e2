#!/usr/bin/env bash
# Login Helper for Pasona Career: build, test, demo.
#   ./build.sh         install what is missing, build dist/chrome/, dist/firefox/,
#                      dist/extension/ and dist/*.zip (the store build)
#   ./build.sh test    also install the browsers and geckodriver if missing, then
#                      every test: native Rust, wasm parity in a real browser,
#                      end to end in Chromium and Firefox with the built extension
#   ./build.sh demo    also install Chromium if missing, serve the sample pages as
#                      https://www.pasonacareer.jp/..., open Chromium with the
#                      extension, save screenshots to dist/demo/
#   ./build.sh bench   also install both browsers and geckodriver if missing, then
#                      the benchmark (sizes, start-up, keystrokes, page load, noise,
#                      native) → BENCHMARKS.md, the previous run's figures beside
#                      the new ones (--short: tiny counts → dist/bench-short.md),
#                      on the benchmark build (dist/bench/: the start-up's marks)
#   ./build.sh repro   build twice from clean clones in two folders, compare the bytes
#   ./build.sh store   the store listing: texts, screenshots, the promotional
#                      tile, the privacy answers → dist/store/
#   ./build.sh replay [--record] REPORT.json…
#                      what the core decides now on a report's page, beside
#                      what the report says (tests/reports/: saved reports)
#   ./build.sh mutants install cargo-mutants if missing, then mutation testing of
#                      the crate natively (.cargo/mutants.toml): one eighth of
#                      the mutants (--shard 0/8, on one job; --shard K/8 another,
#                      --all every one; other arguments go to cargo mutants)
#                      → mutants.out/, figures in docs/mutants.md
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
# cargo installs (wasm-bindgen-cli, geckodriver, cargo-fuzz) go to $CARGO_HOME/bin.
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"

DIST=$ROOT/dist
EXT=$DIST/extension
# The core as built: the optimised wasm, and wasm-bindgen's glue made a
# factory (tools/glue-factory.mjs) with its declarations; esbuild bundles the
# glue into the scripts (package.json maps `#wasm-glue` here).
CORE=$DIST/core
# The benchmark build: the store build plus the start-up's marks.
BENCH_DIST=$DIST/bench
TARGET_WASM=$ROOT/target/wasm32-unknown-unknown/release/plh.wasm
# Fixed timestamp for zip entries, so two builds give the same bytes.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}

log() { printf '==> %s\n' "$*" >&2; }

wasm_bindgen_version() {
  # The CLI must match the crate exactly or the glue and the wasm disagree.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# The wasm-bindgen CLI is built from tools/wasm-bindgen/ (its own Cargo.lock
# pins every dependency) with --locked, once per version of that crate: kept
# outside the work tree, keyed by the hash of its sources, so every clone and
# `./build.sh repro` reuse it.
WASM_BINDGEN_TOOL=tools/wasm-bindgen
wasm_bindgen_bin() {
  local key
  key=$(cat "$WASM_BINDGEN_TOOL/Cargo.toml" "$WASM_BINDGEN_TOOL/Cargo.lock" "$WASM_BINDGEN_TOOL/src/main.rs" | sha256sum | cut -c1-16)
  printf '%s/plh/wasm-bindgen-%s/bin/wasm-bindgen' "${XDG_CACHE_HOME:-$HOME/.cache}" "$key"
}

# --- Installing what is missing -------------------------------------------
# Each step checks first and says in one line what it installs; the tools'
# own output goes to dist/install.log. When it cannot install, it says what is
# missing and the command to run, and stops.

# Debian packages: zip for the store packages; the browsers, their Japanese
# UI and CJK fonts (the tests run in ja) and unzip/openssl for the tests.
APT_BUILD=(zip)
APT_DEMO=(chromium chromium-l10n fonts-noto-cjk openssl)
APT_TEST=("${APT_DEMO[@]}" firefox-esr firefox-esr-l10n-ja unzip)
# geckodriver from crates.io when there is none (or one too old for
# --allow-system-access, which the Firefox harness needs).
GECKODRIVER_VERSION=0.37.1
GECKODRIVER_MIN=0.36.0
# cargo-fuzz for the bounded fuzzing run in `./build.sh test`.
CARGO_FUZZ_VERSION=0.13.2
# cargo-mutants for `./build.sh mutants` (its shards and output are this
# version's: docs/mutants.md's figures were measured with it).
CARGO_MUTANTS_VERSION=27.1.0
INSTALL_LOG=$DIST/install.log

# fail WHAT HOW: one line (what is missing; the command to run), exit 1.
fail() {
  printf '==> %s; %s\n' "$1" "$2" >&2
  exit 1
}

# quietly CMD...: the tool's output to the install log.
quietly() {
  mkdir -p "$DIST"
  printf '\n$ %s\n' "$*" >>"$INSTALL_LOG"
  "$@" >>"$INSTALL_LOG" 2>&1
}

# show_install_log: the last lines the failed install wrote, under its error.
show_install_log() {
  tail -n 5 "$INSTALL_LOG" | sed "s/^/    /" >&2
}

# as_root CMD...: as root directly, else through sudo: without a password if
# sudo allows it, else asking for one on a terminal. Returns 1 (nothing run)
# when neither works.
as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  elif command -v sudo >/dev/null && [[ -t 0 ]]; then
    sudo "$@"
  else
    return 1
  fi
}

can_be_root() {
  ((EUID == 0)) || { command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; }
}

# ensure_apt PKG...: install those of the Debian packages that are missing.
ensure_apt() {
  command -v dpkg-query >/dev/null || fail "not a Debian system (no dpkg-query)" "install these yourself: ${*}"
  local installed missing=() pkg
  # (dpkg-query fails for a package it has never heard of: that one is missing.)
  installed=" $({ dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null || true; } | awk '$2 == "ii" { printf "%s ", $1 }') "
  for pkg in "$@"; do [[ $installed == *" $pkg "* ]] || missing+=("$pkg"); done
  ((${#missing[@]})) || return 0
  local cmd="apt-get update && apt-get install -y ${missing[*]}"
  can_be_root || fail "missing Debian packages: ${missing[*]} (and no root or sudo to install them)" "run as root: $cmd"
  log "installing Debian packages: ${missing[*]} (apt-get; log: dist/install.log)"
  if ! quietly as_root apt-get update -q ||
    ! quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; then
    show_install_log
    fail "could not install ${missing[*]} from Debian's archive (no network? see dist/install.log)" "run as root: $cmd"
  fi
}

# cargo_install CRATE VERSION WHY: cargo install into $CARGO_BIN (test
# tools). Not --locked: a crate pinned in a CLI's own lock file can be gone
# from the registry (what ships is made only by tools pinned in our locks).
cargo_install() {
  log "installing $1 $2 from crates.io into $CARGO_BIN ($3; log: dist/install.log)"
  if ! quietly cargo install "$1" --version "$2"; then
    show_install_log
    fail "could not install $1 $2 from crates.io (no network? see dist/install.log)" "run: cargo install $1 --version $2"
  fi
}

# first_error OUTPUT: the line that says what went wrong (rustup follows it
# with a backtrace when RUST_BACKTRACE is set).
first_error() {
  grep -m 1 -i 'error' <<<"$1" || head -n 1 <<<"$1"
}

ensure_rust() {
  command -v cargo >/dev/null ||
    fail "cargo is missing: this project needs a Rust toolchain" "install Rust with rustup (https://rustup.rs), then run ./build.sh again"
  local err
  err=$(cargo --version 2>&1) && return 0
  # rustup (since 1.28) no longer installs the toolchain rust-toolchain.toml
  # names on first use: a fresh RUSTUP_HOME has none.
  if command -v rustup >/dev/null; then
    log "installing the Rust toolchain rust-toolchain.toml names, with its components and targets (rustup; log: dist/install.log)"
    if quietly rustup toolchain install && err=$(cargo --version 2>&1); then
      return 0
    fi
    show_install_log
  fi
  fail "cargo does not run ($(first_error "$err"))" "run: rustup toolchain install (in this folder), then ./build.sh again"
}

# Build: the Rust side, zip, the npm tools.
ensure_tools() {
  ensure_rust
  ensure_apt "${APT_BUILD[@]}"
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target (rustup; log: dist/install.log)"
    quietly rustup target add wasm32-unknown-unknown ||
      fail "could not add the wasm32-unknown-unknown target (see dist/install.log)" "run: rustup target add wasm32-unknown-unknown"
  fi
  # The standard library's source: the wasm build compiles it (see build).
  if command -v rustup >/dev/null && ! rustup component list --installed | grep -qx 'rust-src'; then
    log "adding the rust-src component (rustup; log: dist/install.log)"
    quietly rustup component add rust-src ||
      fail "could not add the rust-src component (see dist/install.log)" "run: rustup component add rust-src"
  fi
  ensure_wasm_bindgen
  ensure_npm
}

# The pinned wasm-bindgen CLI (see wasm_bindgen_bin), built if missing; its
# version must be the wasm-bindgen crate's in Cargo.lock.
ensure_wasm_bindgen() {
  local want bin have
  want=$(wasm_bindgen_version)
  bin=$(wasm_bindgen_bin)
  if [[ ! -x $bin ]]; then
    log "building wasm-bindgen $want from $WASM_BINDGEN_TOOL (cargo --locked; a few minutes, once; log: dist/install.log)"
    if ! quietly cargo install --locked --path "$WASM_BINDGEN_TOOL" --root "${bin%/bin/wasm-bindgen}" --target-dir "$ROOT/target/wasm-bindgen-tool"; then
      show_install_log
      fail "could not build wasm-bindgen from $WASM_BINDGEN_TOOL (no network? see dist/install.log)" "run: cargo install --locked --path $WASM_BINDGEN_TOOL --root ${bin%/bin/wasm-bindgen}"
    fi
  fi
  have=$("$bin" --version)
  [[ $have == "wasm-bindgen $want" ]] ||
    fail "$WASM_BINDGEN_TOOL builds $have, but Cargo.lock's wasm-bindgen crate is $want (the glue and the wasm would disagree)" "make tools/wasm-bindgen/Cargo.toml pin wasm-bindgen-cli =$want, then: (cd $WASM_BINDGEN_TOOL && cargo update -p wasm-bindgen-cli)"
  WASM_BINDGEN=$bin
}

# The npm tools (binaryen's wasm-opt, resvg for the icons, web-ext, the test
# drivers playwright-core and selenium-webdriver...), as package-lock.json pins
# them: again whenever the lock file is newer than the last install.
ensure_npm() {
  command -v npm >/dev/null || fail "npm is missing: this project needs Node.js 20 or newer with npm" "install Node.js 20+ with npm, then run ./build.sh again"
  local need fresh=true
  for need in .bin/wasm-opt .bin/web-ext @resvg/resvg-js playwright-core selenium-webdriver; do
    [[ -e node_modules/$need ]] || fresh=false
  done
  # npm ci writes node_modules/.package-lock.json last.
  [[ node_modules/.package-lock.json -nt package-lock.json ]] || fresh=false
  if $fresh; then return 0; fi
  log "installing the npm tools from package-lock.json (npm ci; log: dist/install.log)"
  if ! quietly npm ci --no-audit --no-fund; then
    show_install_log
    fail "could not install the npm tools (no network? see dist/install.log)" "run: npm ci"
  fi
}

# Both browsers and geckodriver: the tests and the benchmark (its noise part
# types in Firefox too).
ensure_browsers() {
  ensure_apt "${APT_TEST[@]}"
  local have
  have=$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }') || true
  if [[ -z $have || "$(printf '%s\n' "$GECKODRIVER_MIN" "$have" | sort -V | head -n 1)" != "$GECKODRIVER_MIN" ]]; then
    ensure_rust
    cargo_install geckodriver "$GECKODRIVER_VERSION" "drives Firefox; a few minutes, once"
  fi
}

# What `./build.sh test` needs beyond the build: both browsers, geckodriver,
# cargo-fuzz.
ensure_test_tools() {
  ensure_browsers
  if ! command -v cargo-fuzz >/dev/null; then
    ensure_rust
    cargo_install cargo-fuzz "$CARGO_FUZZ_VERSION" "runs the fuzzer; a minute or two, once"
  fi
}

# What `./build.sh demo` needs beyond the build: Chromium.
ensure_demo_tools() {
  ensure_apt "${APT_DEMO[@]}"
}

build() {
  ensure_tools
  log "building the wasm (release)"
  # The standard library is compiled with the crate (-Zbuild-std, from the
  # toolchain's rust-src) so that a panic is the bare trap it is in the
  # browser anyway (panic = "immediate-abort"): no message, no location, no
  # formatting code behind each bounds check and unwrap. That is 7.4 kB of
  # the gzipped wasm (84.8 -> 77.4 kB). Both are unstable options of the
  # stable compiler, allowed by RUSTC_BOOTSTRAP as for the fuzzer; the
  # toolchain is the one rust-toolchain.toml names, so the build is as
  # reproducible as before. Only the shipped wasm is built this way: native
  # tests, clippy and the fuzzer use the standard library as shipped.
  RUSTC_BOOTSTRAP=1 CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
    cargo build --release --target wasm32-unknown-unknown --lib \
    -Zbuild-std=std,panic_abort -Zpanic-immediate-abort \
    --config "build.rustflags=['--remap-path-prefix=$ROOT=.', '--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=~/.cargo', '--remap-path-prefix=$(rustc --print sysroot)=~/.rustup/toolchain']"
  rm -rf "$CORE" "$DIST/tmp"
  mkdir -p "$CORE" "$DIST/tmp"
  # ES module glue (--target web), made a factory so a trapped instance can
  # be replaced (tools/glue-factory.mjs stops the build if its shape changed).
  "$WASM_BINDGEN" --target web --out-dir "$DIST/tmp" --out-name plh "$TARGET_WASM"
  node tools/glue-factory.mjs "$DIST/tmp" "$CORE"
  # -Oz twice, and addresses below 1024 unused (the bottom of Rust's 1 MiB
  # stack): about 0.5 kB less gzipped than one -Oz.
  wasm-opt -Oz -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue --strip-debug --strip-producers \
    "$DIST/tmp/plh_bg.wasm" -o "$CORE/plh_bg.wasm"
  rm -rf "$DIST/tmp"
  assemble "$EXT" store
  package
  local raw gz
  raw=$(stat -c %s "$EXT/wasm/plh_bg.wasm")
  gz=$(gzip -9 -c "$EXT/wasm/plh_bg.wasm" | wc -c)
  log "dist/extension ready: wasm ${raw} bytes raw, ${gz} bytes gzip -9"
}

# assemble DIR store|bench: the unpacked two-browser extension in DIR: the
# manifest, every file of extension/ that is not a script (nor the wire's
# declarations, shared/wire.d.ts: for the type checker only), the scripts
# bundled by esbuild (tools/bundle.mjs: one file per context), the wasm and
# the icons. Only what ships: the sources stay in the source zip.
assemble() {
  local out=$1 variant=$2
  rm -rf "$out"
  mkdir -p "$out/wasm"
  cp manifest.json "$out/"
  (cd extension && find . -type f ! -name '*.js' ! -name '*.ts' -exec cp --parents -t "$out" {} +)
  node tools/bundle.mjs "$out" "$variant"
  cp "$CORE/plh_bg.wasm" "$out/wasm/"
  node tools/make-icons.mjs "$out/icons"
}

# The benchmark build (./build.sh bench, and ./build.sh test for the short
# benchmark): dist/bench/{extension,chrome,firefox}, the store build's files
# with the start-up's performance marks and timing attributes. No zips.
bench_build() {
  log "assembling the benchmark build (dist/bench/)"
  rm -rf "$BENCH_DIST"
  assemble "$BENCH_DIST/extension" bench
  browser_folder chrome "$BENCH_DIST/extension" "$BENCH_DIST/chrome"
  browser_folder firefox "$BENCH_DIST/extension" "$BENCH_DIST/firefox"
}

package() {
  # dist/chrome/ and dist/firefox/ (see store_zip), the store zips made from
  # them, then the source zip for Mozilla's reviewers. All byte-identical from
  # build to build: see zip_dir.
  rm -f "$DIST"/*.zip
  store_zip chrome
  store_zip firefox
  source_zip
}

# store_zip chrome|firefox: dist/KIND/, then dist/login-helper-KIND.zip from it.
store_zip() {
  browser_folder "$1" "$EXT" "$DIST/$1"
  zip_dir "$DIST/$1" "$DIST/login-helper-$1.zip"
}

# browser_folder chrome|firefox SRC DEST: SRC with only that browser's
# background key. SRC (dist/extension/) names both backgrounds
# (`preferred_environment` tells Firefox's linter the fallback is deliberate)
# so that one folder serves the tests in both browsers; but Chromium warns
# that `background.scripts` is MV2-only, and Firefox ignores `service_worker`.
# Each browser's folder (and store zip) keeps only its engine's key: it loads
# with no warning. Likewise `use_dynamic_url` (web-accessible files reachable
# only at a per-session URL) is Chrome's: Firefox, whose extension URLs are
# already random per install, warns "unexpected property" at install.
browser_folder() {
  local kind=$1 tree=$3
  rm -rf "$tree"
  cp -r "$2" "$tree"
  node -e '
    const fs = require("fs");
    const [kind, file] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    const { service_worker, scripts, preferred_environment, ...rest } = m.background;
    m.background = kind === "chrome" ? { service_worker, ...rest } : { scripts, ...rest };
    if (kind === "firefox") for (const w of m.web_accessible_resources) delete w.use_dynamic_url;
    fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
  ' "$kind" "$tree/manifest.json"
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
    [WASM_BINDGEN]="$("$WASM_BINDGEN" --version)"
    [ESBUILD]="$(npm_locked esbuild)"
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

# Version 0.1.0 as its users have it, for the update test
# (tests/e2e/update.test.mjs): the code at commit OLD_COMMIT (whose manifest
# says 0.1.0), built by that commit's own build steps into
# dist/v0.1.0/{chrome,firefox}/ and kept there between runs. Its sources are
# taken with `git archive` (no worktree to register); a clone without that
# commit (a shallow one) stops here with what to run.
OLD_COMMIT=abe92bada4682b0b3986c21d8c440fbf43d598b4
old_version() {
  local out=$DIST/v0.1.0 src=$DIST/v0.1.0/src
  if [[ -f $out/commit && "$(cat "$out/commit")" == "$OLD_COMMIT" && -f $out/chrome/manifest.json && -f $out/firefox/manifest.json ]]; then
    return 0
  fi
  git -C "$ROOT" cat-file -e "$OLD_COMMIT^{commit}" 2>/dev/null ||
    fail "version 0.1.0's code (commit ${OLD_COMMIT:0:7}) is not in this clone's history (a shallow clone?)" "run: git fetch --unshallow (or clone without --depth), then ./build.sh old-version"
  ensure_tools
  log "building version 0.1.0 (commit ${OLD_COMMIT:0:7}) into dist/v0.1.0/ (once; log: dist/install.log)"
  rm -rf "$out"
  mkdir -p "$src"
  # -m: the files get today's dates (the commit's would be in the future or
  # the past at random); node finds this project's node_modules from dist/.
  git -C "$ROOT" archive "$OLD_COMMIT" | tar -x -m -C "$src"
  local want
  want=$(cd "$src" && wasm_bindgen_version)
  [[ "$("$WASM_BINDGEN" --version)" == "wasm-bindgen $want" ]] ||
    fail "version 0.1.0 needs wasm-bindgen $want, this build has $("$WASM_BINDGEN" --version)" "build dist/v0.1.0/ with that commit's own ./build.sh"
  # That commit's build(): the wasm, its glue, wasm-opt, the manifest, the
  # scripts as they were (unbundled), the icons; then its store_zip's
  # manifests (one background key per browser).
  if ! quietly cargo build --manifest-path "$src/Cargo.toml" --release --target wasm32-unknown-unknown --lib; then
    show_install_log
    fail "could not build version 0.1.0's wasm (see dist/install.log)" "run: ./build.sh old-version"
  fi
  local ext=$src/dist/extension
  mkdir -p "$ext/wasm" "$src/dist/tmp"
  "$WASM_BINDGEN" --target web --out-dir "$src/dist/tmp" --out-name plh "$src/target/wasm32-unknown-unknown/release/plh.wasm"
  wasm-opt -Oz -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue --strip-debug --strip-producers \
    "$src/dist/tmp/plh_bg.wasm" -o "$ext/wasm/plh_bg.wasm"
  cp "$src/dist/tmp/plh.js" "$src/dist/tmp/plh.d.ts" "$ext/wasm/"
  cp "$src/manifest.json" "$ext/"
  cp -r "$src/extension/." "$ext/"
  node "$src/tools/make-icons.mjs" "$ext/icons"
  local kind
  for kind in chrome firefox; do
    cp -r "$ext" "$out/$kind"
    node -e '
      const fs = require("fs");
      const [kind, file] = process.argv.slice(1);
      const m = JSON.parse(fs.readFileSync(file, "utf8"));
      const { service_worker, scripts, preferred_environment, ...rest } = m.background;
      m.background = kind === "chrome" ? { service_worker, ...rest } : { scripts, ...rest };
      fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
    ' "$kind" "$out/$kind/manifest.json"
  done
  [[ "$(node -p "require('$out/chrome/manifest.json').version")" == 0.1.0 ]] ||
    fail "commit ${OLD_COMMIT:0:7}'s manifest does not say 0.1.0" "check OLD_COMMIT in build.sh"
  rm -rf "$src"
  printf '%s\n' "$OLD_COMMIT" >"$out/commit"
  log "dist/v0.1.0/chrome/ and dist/v0.1.0/firefox/ ready"
}

# Two builds from clean clones at different paths must give the same bytes.
repro() {
  bash tests/repro.sh "$@"
}

# mutants [--all | --shard K/N] [ARGS...]: cargo mutants over the crate,
# natively (.cargo/mutants.toml: round-robin shards, so each samples every
# file; the wasm binding and allocator aside). A whole run is about eight
# times a shard's 20 minutes, hence the default shard 0/8; and one job (-j 1)
# unless ARGS say otherwise, as each job is a build and a test run at once.
mutants() {
  ensure_rust
  if ! command -v cargo-mutants >/dev/null; then
    cargo_install cargo-mutants "$CARGO_MUTANTS_VERSION" "mutation testing; a few minutes, once"
  fi
  local args=() shard=(--shard 0/8) jobs=(-j 1) a
  for a in "$@"; do
    case $a in
      --all) shard=() ;;
      --shard | --shard=*) shard=() args+=("$a") ;;
      -j | -j* | --jobs | --jobs=*) jobs=() args+=("$a") ;;
      *) args+=("$a") ;;
    esac
  done
  local cmd=(cargo mutants "${shard[@]}" "${jobs[@]}" "${args[@]}")
  log "${cmd[*]} (results: mutants.out/, or the folder -o names)"
  "${cmd[@]}"
}

fuzz() {
  # Two targets share the time: the analysers on any text, and the page
  # session on requests built from the golden snapshots (seeded from
  # fuzz/seeds/session/, one seed per snapshot).
  local half=$(($1 / 2)) target status
  for target in analysers session; do
    log "fuzzing the $target for $half s"
    # Stable toolchain with libFuzzer's coverage and no sanitizer: the code is safe
    # Rust, and what the fuzzer hunts is a panic (an abort in the browser) or a hang.
    mkdir -p "fuzz/corpus/$target"
    local seeds=()
    [[ -d "fuzz/seeds/$target" ]] && seeds=("seeds/$target")
    status=0
    (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$half" -timeout=5 -rss_limit_mb=2048) >"$DIST/fuzz-$target.log" 2>&1 || status=$?
    grep -E "^(Done [0-9]+ runs|SUMMARY|==[0-9]+== ERROR)" "$DIST/fuzz-$target.log" >&2 || true
    if ((status != 0)); then
      tail -n 40 "$DIST/fuzz-$target.log" >&2
      log "the fuzzer failed on $target (exit $status); inputs, if any, in fuzz/artifacts/$target/"
      return 1
    fi
  done
}

# The checks that read only the sources: seconds, so a broken invariant or
# locale fails before the release build, fuzzing and the browsers.
SOURCE_TESTS=(tests/static/invariants.test.mjs tests/static/locales.test.mjs)

run_tests() {
  log "checks that need no build (cargo fmt, the source-only static tests)"
  ensure_rust
  cargo fmt --check
  ensure_npm
  node --test --test-concurrency=1 "${SOURCE_TESTS[@]}"
  build
  bench_build
  log "lints"
  cargo clippy --all-targets -- -D warnings
  log "native tests"
  cargo test
  fuzz "${PLH_FUZZ_SECONDS:-60}"
  # The same requests through native code, for the wasm-in-the-browser parity test
  # (and tests/static/wire.test.mjs: their answers are what the wire declares).
  cargo run --quiet --example parity_cases > "$DIST/parity-cases.json"
  log "type-checking the scripts (tsc --noEmit: JSDoc types against the wire's and the wasm's declarations)"
  tsc -p .
  # The store listing (its test checks the texts' limits and the images' sizes),
  # and version 0.1.0 for the update test.
  log "the store listing (dist/store/) and version 0.1.0 (dist/v0.1.0/)"
  node tools/store.mjs
  old_version
  log "the other static tests, end-to-end tests (Chromium and Firefox, built extension loaded)"
  local rest=() f
  for f in tests/static/*.test.mjs; do [[ " ${SOURCE_TESTS[*]} " == *" $f "* ]] || rest+=("$f"); done
  node --test --test-concurrency=1 "${rest[@]}" tests/e2e/
}

case "${1:-build}" in
  build | "") build ;;
  test)
    # Before the long build and native tests: a missing browser shows at once.
    ensure_test_tools
    run_tests
    ;;
  repro)
    shift
    repro "$@"
    ;;
  replay)
    # A report the popup made, run again by the core natively: what it
    # decides now beside what the report says (--record: the answer
    # tests/reports.rs holds a saved report to).
    ensure_rust
    cargo run --quiet --example replay -- "${@:2}"
    ;;
  old-version)
    # Version 0.1.0 built into dist/v0.1.0/ (the update test's starting point).
    old_version
    ;;
  store)
    # The store listing: texts, screenshots of the real extension, the tile,
    # the privacy answers → dist/store/ (tools/store.mjs).
    ensure_demo_tools
    build
    node tools/store.mjs
    ;;
  demo)
    ensure_demo_tools
    build
    node tests/e2e/demo.mjs
    ;;
  bench)
    # Sizes, start-up phase by phase, keystroke → warning, page-load overhead,
    # noise in Chromium and Firefox, native throughput → BENCHMARKS.md, the
    # previous run's figures printed beside the new ones
    # (--short: tiny counts → dist/bench-short.md).
    ensure_browsers
    build
    bench_build
    node tests/bench/run.mjs "${@:2}"
    ;;
  mutants)
    # Not part of `test`: a shard takes about 20 minutes (two idle cores).
    mutants "${@:2}"
    ;;
  *)
    echo "usage: $0 [test|demo|bench|repro|store|replay REPORT.json|old-version|mutants]" >&2
    exit 2
    ;;
esac
