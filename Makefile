# bmm — the two commands of the README's quick start, and a few more.
#   make demo    install what is missing, build the examples, run the demo on embedded data
#   make test    install what is missing, check the formatting and that no spec name holds ';'
#                (scripts/check-specs.py names), then build and run every test in
#                every configuration: GCC and Clang × C++17 and C++20, ASan+UBSan (and the specs
#                again with -DNDEBUG under ASan+UBSan: asan-ndebug), the
#                compile-fail rules, the install + find_package consumer check, and a 20 s
#                run of every fuzz target
#   make bench   build the benchmarks (Release) and write bench/results.md
#   make fuzz    build the libFuzzer targets and run each for FUZZ_SECONDS (default 300)
#   make format  clang-format the sources in place;  make format-check  fails on any difference
#   make clean   remove build/
CONFIGS ?= gcc-cxx17 gcc-cxx20 clang-cxx17 clang-cxx20 asan asan-ndebug
FUZZ_SECONDS ?= 300

.PHONY: demo test bench fuzz deps-demo deps-test deps-bench format format-check spec-names clean

demo: deps-demo
	cmake --preset demo >/dev/null
	cmake --build --preset demo
	cmake --build --preset demo --target demo

test: deps-test format-check spec-names
	sh scripts/test-matrix.sh $(CONFIGS)
	sh scripts/fuzz.sh 20 1

fuzz: deps-test
	sh scripts/fuzz.sh $(FUZZ_SECONDS)

bench: deps-bench
	cmake --preset bench >/dev/null
	cmake --build --preset bench
	sh scripts/run-bench.sh build/bench bench/results.md

deps-demo:
	@sh scripts/install-deps.sh demo

deps-test:
	@sh scripts/install-deps.sh test

deps-bench:
	@sh scripts/install-deps.sh bench

format:
	clang-format -i $$(git ls-files '*.hpp' '*.cpp')

format-check: deps-test
	@files=$$(git ls-files '*.hpp' '*.cpp'); [ -n "$$files" ] || { echo "bmm: no sources found"; exit 1; }; \
	clang-format --dry-run -Werror $$files && echo "bmm: clang-format: every source is formatted"

spec-names:
	@python3 scripts/check-specs.py names

clean:
	rm -rf build
