# Andel: the two commands for a fresh Debian machine are `make run` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
DB ?= sqlite:andel.db

.PHONY: deps build run test bench fmt clean

deps:
	./scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/src/app/andel serve --db $(DB) --port $(PORT) --demo

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bench/andel_bench_core --benchmark_min_time=0.2
	$(BUILD)/bench/andel_bench_voting
	$(BUILD)/bench/andel_bench_matching
	./bench/tally.sh $(BUILD)/src/app/andel
	./bench/budget.sh $(BUILD)/src/app/andel
	./bench/impact.sh $(BUILD)/src/app/andel
	./bench/http.sh $(BUILD)/src/app/andel
	./bench/cast.sh $(BUILD)/src/app/andel $(BUILD)/bench/andel_cast_load

fmt:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
