# The two commands of the README. Each one installs what is missing first.
SWIFT ?= swift
RELEASE_BIN := .build/release/mesascope

.PHONY: report test test-cluster setup setup-browser build-release clean

## make report: set up, build (release), run every bundled scenario into reports/.
report: setup build-release
	$(RELEASE_BIN) run scenarios --out reports
	@echo "Reports: $(CURDIR)/reports/index.html"

## make test: set up (with the browser), build the release binary (heavy model checks run it),
## then the whole test suite and the byte-for-byte check of the committed reports.
test: setup-browser build-release
	MESASCOPE_REQUIRE_BROWSER=1 MESASCOPE_REQUIRE_RELEASE=1 MESASCOPE_RELEASE_BINARY=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test
	scripts/check-reports.sh $(RELEASE_BIN)

## make test-cluster: a real single-node Slurm, started and stopped by the test (root; installs
## munge and Slurm when missing): job arrays of shards merge to the local run's bytes (docs/cluster.md).
test-cluster: setup build-release
	scripts/test-cluster.sh $(RELEASE_BIN)

setup:
	@scripts/setup.sh build

setup-browser:
	@scripts/setup.sh browser

build-release:
	$(SWIFT) build -c release --product mesascope

clean:
	rm -rf .build
