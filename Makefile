# Kvitka: the two front-door commands are `make run` and `make test`.
SHELL := /bin/bash
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= sqlite:data/kvitka.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all bootstrap build native web run test bench format tidy clean

all: build

bootstrap:
	@scripts/bootstrap

native:
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKVITKA_UNIT_ONLY=OFF > /dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

web:
	@cd web && npm run build --silent

# build/kvitka and the web assets it serves.
build: bootstrap native web

# Builds, seeds the demo salon into a new database, and serves it.
run: build
	@mkdir -p data
	@if [[ "$(DB)" != sqlite:data/kvitka.db || ! -f data/kvitka.db ]]; then $(BUILD_DIR)/kvitka demo --db "$(DB)" > /dev/null; fi
	@echo
	@echo "  Kvitka is starting on http://$(LISTEN)"
	@echo "  Sign in as owner@kvitka.demo with the password kvitka-demo"
	@echo "  (also admin@, manager@, olena@, iryna@, maksym@kvitka.demo, same password)"
	@echo
	@exec $(BUILD_DIR)/kvitka serve --db "$(DB)" --listen "$(LISTEN)"

test: bootstrap
	@scripts/test

bench: bootstrap
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKVITKA_UNIT_ONLY=ON -DKVITKA_BENCH=ON > /dev/null
	@cmake --build build-bench -j $(JOBS)
	@for b in build-bench/bench/bench_*; do echo "== $$b"; $$b --benchmark_min_time=0.2; done

# Server benchmarks: wrk against `kvitka serve` on SQLite and PostgreSQL (bench/server/README.md).
# BENCH_DB=sqlite|postgresql|both (default both).
.PHONY: bench-server
bench-server: bootstrap native
	@bench/server/run $(or $(BENCH_DB),both)

format:
	@git ls-files -co --exclude-standard 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'bench/*.h' | xargs clang-format -i

tidy: native
	@scripts/tidy $(BUILD_DIR)

clean:
	rm -rf build build-asan build-bench web/dist
