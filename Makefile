# Andel: the two commands for a fresh Debian machine are `make run` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
DB ?= sqlite:andel.db
# The sanitizer build (clang, ASan+UBSan, libFuzzer) for `make fuzz` and `make test`.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
CCACHE_LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

.PHONY: deps build sanitize run test fuzz bench fmt clean

deps:
	./scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Only the unit tests and the fuzz targets are built here: the server, its database tests and the
# benchmarks run in the normal build.
sanitize: deps
	cmake -S . -B $(FUZZ_BUILD) -DANDEL_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_COMPILER=clang++-14 $(CCACHE_LAUNCHER) >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target andel_sanitized

run: build
	$(BUILD)/src/app/andel serve --db $(DB) --port $(PORT) --demo

# The normal build's tests, then the unit tests under ASan+UBSan and every fuzz corpus replayed.
test: build sanitize
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS)

# Each fuzz target for FUZZ_SECONDS, one after another; new inputs stay in $(FUZZ_BUILD).
fuzz: sanitize
	./tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	$(BUILD)/bench/andel_bench_core --benchmark_min_time=0.2
	$(BUILD)/bench/andel_bench_voting
	$(BUILD)/bench/andel_bench_matching
	./bench/tally.sh $(BUILD)/src/app/andel
	./bench/budget.sh $(BUILD)/src/app/andel
	./bench/impact.sh $(BUILD)/src/app/andel
	./bench/http.sh $(BUILD)/src/app/andel
	./bench/cast.sh $(BUILD)/src/app/andel $(BUILD)/bench/andel_cast_load
	./bench/fund_results.sh $(BUILD)/src/app/andel

fmt:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
