# Blankett — the two commands are `make run` and `make test`.
SHELL := bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := run

GO      ?= go
BIN     := bin/blankett
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
UI      := designer-ui
UI_OUT  := $(UI)/static/dist/index.html
UI_SRC  := $(shell find $(UI)/src -type f 2>/dev/null) $(UI)/index.html $(UI)/vite.config.ts $(UI)/package.json $(UI)/tsconfig.json
HAVE_NPM := $(shell command -v npm 2>/dev/null)
ADDR    ?= 127.0.0.1:8080
ADMIN   ?= 127.0.0.1:9090

.PHONY: run build ui ui-types ui-deps test fmt-check vet test-go test-ui bench fuzz vendor-designsystemet clean

## run: build the UI (when npm is there) and the binary, then start everything on ./data
run: build
	@echo
	@echo "  Blankett is starting (data in ./data, development mode)"
	@echo "    runtime:  http://$(ADDR)/"
	@echo "    demo app: http://$(ADDR)/ttd/skjema/  (log in as any test person in the dev login)"
	@echo "    studio:   http://$(ADDR)/studio/"
	@echo "    health:   http://$(ADMIN)/healthz   ready: http://$(ADMIN)/readyz   metrics: http://$(ADMIN)/metrics"
	@echo
	./$(BIN) serve --dev --addr $(ADDR) --admin-addr $(ADMIN) --app deploy/demo/skjema --log-format text

## build: the blankett binary in bin/ (with the designer UI embedded when built)
build: $(if $(HAVE_NPM),$(UI_OUT))
	@[ -n "$(HAVE_NPM)" ] || echo "warning: npm not found; the designer UI is not built and /studio/ will say so"
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/blankett

## ui: build the designer UI into designer-ui/static/dist
ui: ui-deps
	cd $(UI) && npm run build

$(UI_OUT): $(UI_SRC) $(UI)/node_modules/.package-lock.json
	cd $(UI) && npm run build

## ui-types: regenerate the designer UI's API types from studio/api/openapi.yaml
ui-types:
	$(GO) run ./internal/tools/tsgen -in studio/api/openapi.yaml -out $(UI)/src/api/types.ts

ui-deps: $(UI)/node_modules/.package-lock.json

$(UI)/node_modules/.package-lock.json: $(UI)/package-lock.json
	cd $(UI) && npm ci --no-audit --no-fund

## test: formatting, vet, all Go tests with the race detector (the real-service suites
## run when .ci/run has set their BLANKETT_TEST_* variables) and the UI tests
test: fmt-check vet test-go test-ui

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The browser tests inject axe-core from designer-ui/node_modules, so it is installed
# first, and the designer's browser test (cmd/blankett) needs the UI built into the
# binary, so it is built first too (a few seconds; skipped without npm).
test-go: $(if $(HAVE_NPM),ui-deps $(UI_OUT))
	$(GO) test -race -count=1 -json -timeout 30m ./... | $(GO) run ./internal/tools/testsummary

test-ui:
	@if [ -z "$(HAVE_NPM)" ]; then echo "test-ui: npm not found: UI tests skipped"; exit 0; fi; \
	$(MAKE) --no-print-directory ui-deps && cd $(UI) && npm test

## bench: the Go benchmarks whose figures docs/benchmarks.md records
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./internal/blob/... ./cmd/blankett/...

## fuzz: run every Fuzz target briefly (FUZZTIME each); .ci/run calls it after the tests.
## Only findings that reproduce fail it (see .ci/fuzz.sh).
FUZZTIME ?= 8s
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) bash .ci/fuzz.sh

clean:
	rm -rf bin $(UI)/static/dist
