#!/usr/bin/env bash
# Shared set-up for scripts/test and scripts/demo: install missing packages, configure, build.
# Sourced, not run. Idempotent: a second run installs nothing and only rebuilds what changed.

OUTCROP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUTCROP_BUILD_DIR=${OUTCROP_BUILD_DIR:-$OUTCROP_ROOT/build}

outcrop_log() { printf '%s\n' "outcrop: $*" >&2; }

outcrop_missing_packages() {
    local pkg missing=()
    while read -r pkg; do
        pkg=${pkg%%#*}
        pkg=${pkg//[[:space:]]/}
        [ -z "$pkg" ] && continue
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done <"$OUTCROP_ROOT/scripts/packages.txt"
    # Debian's npm conflicts with a nodejs that bundles its own npm (as this machine image's does).
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    # Nothing at all when nothing is missing: printf would print one empty line, read as one package.
    [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}"
}

outcrop_install_packages() {
    local missing
    mapfile -t missing < <(outcrop_missing_packages)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    outcrop_log "installing ${#missing[@]} missing packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Builds are serialised with a lock: the machine has two cores, and two ninja runs in one
# build folder corrupt each other. OUTCROP_CONFIGURE_ARGS: more cmake options for the first configure.
# OUTCROP_PRESET: configure with that preset of CMakePresets.json (whose binaryDir must be
# OUTCROP_BUILD_DIR) instead of the default RelWithDebInfo build. Arguments go to cmake --build
# (e.g. --target NAME).
outcrop_build() {
    (
        flock 9
        if [ ! -f "$OUTCROP_BUILD_DIR/build.ninja" ]; then
            if [ -n "${OUTCROP_PRESET:-}" ]; then
                (cd "$OUTCROP_ROOT" && cmake --preset "$OUTCROP_PRESET" ${OUTCROP_CONFIGURE_ARGS:-}) >/dev/null || exit 1
            else
                cmake -S "$OUTCROP_ROOT" -B "$OUTCROP_BUILD_DIR" -G Ninja \
                    -DCMAKE_BUILD_TYPE=${OUTCROP_BUILD_TYPE:-RelWithDebInfo} \
                    -DOUTCROP_WARNINGS_AS_ERRORS=ON ${OUTCROP_CONFIGURE_ARGS:-} >/dev/null || exit 1
            fi
        fi
        cmake --build "$OUTCROP_BUILD_DIR" "$@"
    ) 9>/tmp/outcrop-build.lock
}

# The run-time options of the sanitized builds (the asan preset and scripts/fuzz). Any report
# stops the process with a non-zero status, so the test that ran it fails.
# LeakSanitizer is ON with tests/sanitizers/lsan.supp, which holds no active entry: the suite
# needs none (the file says how that was checked). Child processes (the app started by tests,
# credential helpers) inherit the options.
outcrop_sanitizer_environment() {
    export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:halt_on_error=1"
    export LSAN_OPTIONS="suppressions=$OUTCROP_ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
}

outcrop_install_npm() {
    local dir="$OUTCROP_ROOT/tests/conformance"
    [ -f "$dir/package-lock.json" ] || return 0
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        outcrop_log "installing the conformance test's npm packages (npm ci)"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    fi
}
