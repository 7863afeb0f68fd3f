# The two commands: `make serve` and `make test`. Each installs what it needs first (scripts/setup.sh),
# skipping whatever is already there at the right version.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# node_modules/.bin first: its wasm-opt (npm binaryen 132) is the one Trunk must use, never Debian's.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

GOVUK_CSS := assets/generated/govuk.css
WASM_TEST := node tests/team-server/with-peer.mjs cargo test --target wasm32-unknown-unknown --test store --test backup --test replica --test team_sync

.PHONY: serve serve-release build cli test setup-serve setup-test lint native-test team-server-test team-server wasm-test wasm-test-chromium wasm-test-firefox e2e e2e-chromium e2e-any-browser bench size clean

serve: setup-serve $(GOVUK_CSS)
	cargo fetch --quiet
	trunk serve index.html

# The release build as officers get it (offline copy, update banner, installable), on the same address.
serve-release: build
	node tests/e2e/serve-dist.mjs 8080

build: setup-serve $(GOVUK_CSS)
	cargo fetch --quiet
	trunk build index.html --release

test: setup-test $(GOVUK_CSS) lint native-test team-server-test wasm-test e2e

setup-serve:
	@scripts/setup.sh serve

setup-test:
	@scripts/setup.sh test

$(GOVUK_CSS): assets/govuk.scss package-lock.json
	@mkdir -p $(dir $@)
	sass --load-path=node_modules --style=compressed --quiet-deps --no-source-map $< $@

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

native-test:
	cargo test

# The team sync test peer (issue 21): each run starts and stops its own instance, on loopback.
team-server-test: cli
	node --test tests/team-server/

# The test peer with a demo team (two fictional members and their first passwords, printed), on http://127.0.0.1:5984, and
# the built app on the same origin at http://127.0.0.1:5984/ (CouchDB under /db).
team-server: setup-test build cli
	node tests/team-server/server.mjs --port 5984 --demo --dist dist

wasm-test: wasm-test-chromium wasm-test-firefox

wasm-test-chromium: cli
	env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver $(WASM_TEST)

wasm-test-firefox: cli
	env -u CHROMEDRIVER GECKODRIVER="$$(command -v geckodriver)" $(WASM_TEST)

# The journeys validate exports and verify packages with the native CLI: built here, before any
# journey's clock starts.
e2e: build cli e2e-chromium e2e-any-browser

cli:
	cargo build --bin workbook

e2e-chromium:
	playwright test --config tests/e2e/playwright.config.mjs

e2e-any-browser:
	tests/e2e/any-browser.sh

bench: setup-test build cli
	node tests/bench/bench.mjs

# Where the release wasm's bytes are, by crate and by module (twiggy on a build that keeps names).
size: build
	@scripts/setup.sh size
	node tests/bench/where-bytes.mjs

clean:
	rm -rf dist target/wasm32-unknown-unknown $(GOVUK_CSS) test-results
