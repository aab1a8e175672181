# The two commands of the README. Each one installs what is missing first.
SWIFT ?= swift
RELEASE_BIN := .build/release/mesascope

.PHONY: report test setup setup-browser build-release clean

## make report: set up, build (release), run every bundled scenario into reports/.
report: setup build-release
	$(RELEASE_BIN) run scenarios --out reports
	@echo "Reports: $(CURDIR)/reports/index.html"

## make test: set up (with the browser), then the whole test suite.
test: setup-browser
	MESASCOPE_REQUIRE_BROWSER=1 $(SWIFT) test
	$(MAKE) --no-print-directory build-release
	scripts/check-reports.sh $(RELEASE_BIN)

setup:
	@scripts/setup.sh build

setup-browser:
	@scripts/setup.sh browser

build-release:
	$(SWIFT) build -c release --product mesascope

clean:
	rm -rf .build
