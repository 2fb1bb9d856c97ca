# Missive — the two jobs: `make preview` (the preview server on the example project) and `make test`.
# Both work on a fresh Debian machine with only the Swift toolchain: missing system packages
# are installed first.

SWIFT ?= swift
SHARED ?= ../shared
# Debian packages the build and tests need (python3 runs the conformance runner).
APT_PACKAGES := python3 pkg-config libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: test example preview browser-check screenshot deps build release conformance clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Every test: unit tests, the golden-liquid corpus and the Shopify theme pages (swift test),
# then the corpus again through the CLI's batch protocol, as other engines are measured.
test: deps
	$(SWIFT) build --build-tests
	TZ=UTC $(SWIFT) test
	python3 $(SHARED)/tools/golden_run.py -- .build/debug/missive render --jsonl
	$(MAKE) browser-check

# The main job: every channel of every workflow of the example project, live, on
# http://127.0.0.1:4000 (PORT=N for another port; DIR=folder for another project).
PORT ?= 4000
DIR ?= .
preview: build
	.build/debug/missive preview $(DIR) --port $(PORT)

# Headless Chromium (Debian's, installed when missing) loads the preview page with an email step
# selected and checks the rendered subject is in the DOM. Its screenshot goes to .build/ so a test
# run changes no tracked file; `make screenshot` refreshes the one README shows.
SCREENSHOT ?= .build/preview.png
browser-check: build
	@command -v chromium >/dev/null 2>&1 || { echo "installing: chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	SCREENSHOT=$(SCREENSHOT) bash Tests/Browser/browser-check.sh

screenshot:
	$(MAKE) browser-check SCREENSHOT=docs/preview.png

# Render an example notification with its data and partials.
example: build
	.build/debug/missive render examples/order-shipped.liquid --data examples/order-shipped.json --partials examples/partials

# The conformance corpus against the release build.
conformance: release
	python3 $(SHARED)/tools/golden_run.py -- .build/release/missive render --jsonl

clean:
	rm -rf .build
