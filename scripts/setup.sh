#!/usr/bin/env bash
# Installs what `make serve` (mode: serve) or `make test` (mode: test) needs, skipping every
# tool that is already present at the right version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-serve}"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
TWIGGY_VERSION="0.8.0"
# The wasm-bindgen CLI must equal the crate version pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { *version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)"
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
  done
  if ! has_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
    # Without --locked: its lock file names a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if ! has_version trunk "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about ten minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

npm_packages() {
  # npm ci is skipped while node_modules was installed from exactly the committed lock file.
  if [ ! -f node_modules/.installed-lock ] || ! cmp -s package-lock.json node_modules/.installed-lock; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.installed-lock
  fi
}

browsers() {
  local missing=()
  for pkg in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  if ! has_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
    say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  fi
}

# `make size` only: twiggy, to attribute the wasm's bytes (its binary is named twiggy).
twiggy_tool() {
  if ! has_version twiggy "$TWIGGY_VERSION"; then
    say "installing twiggy $TWIGGY_VERSION (a minute, once)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked --force
  fi
}

case "$mode" in
  serve) rust_tools; npm_packages ;;
  test)  rust_tools; npm_packages; browsers ;;
  size)  rust_tools; npm_packages; twiggy_tool ;;
  *) echo "usage: scripts/setup.sh serve|test|size" >&2; exit 2 ;;
esac
say "tools ready ($mode)"
