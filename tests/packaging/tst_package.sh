#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian package from this build (scripts/package) and checks what a user gets:
# the control fields, the files, the desktop entry and metainfo (validators), that apt can install
# it on this system and on one that has none of its dependencies yet, and that the menu entry's
# command starts.
#   tst_package.sh SOURCE_DIR BUILD_DIR VERSION APP_ID
set -uo pipefail
source_dir=$1 build_dir=$2 version=$3 app_id=$4

failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'PASS: %s\n' "$*"; }
# Stops the test: what follows needs what is missing.
die() { printf 'FAIL: %s\n' "$*"; exit 1; }

for tool in dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli flatpak-builder apt-get gzip; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/packages.txt lists its package; scripts/test installs it)"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# --- the package ---------------------------------------------------------------------------
deb=$(OUTCROP_PACKAGE_BUILD_DIR=$build_dir OUTCROP_PACKAGE_OUTPUT=$scratch/out "$source_dir/scripts/package") \
    || die "scripts/package failed"
[ "$deb" = "$scratch/out/outcrop_${version}_$(dpkg --print-architecture).deb" ] \
    || die "scripts/package printed '$deb', not the .deb it should have written"
[ -f "$deb" ] || die "scripts/package printed $deb, which does not exist"
pass "scripts/package wrote $(basename "$deb")"

field() { dpkg-deb --field "$deb" "$1"; }
# "a (>= 1), b | c" -> one name a line, sorted: the names only, versions and alternatives aside.
package_names() { tr ',|' '\n\n' | sed 's/(.*)//; s/[[:space:]]//g; /^$/d' | sort -u; }

[ "$(field Package)" = outcrop ] || fail "Package is '$(field Package)', not outcrop"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not the project's $version"
for name in Maintainer Homepage Section Description; do
    [ -n "$(field "$name")" ] || fail "the control file has no $name"
done
long_lines=$(field Description | awk 'length > 80' | wc -l)
[ "$long_lines" -eq 0 ] || fail "the Description has $long_lines lines longer than 80 characters"

root=$scratch/root
dpkg-deb --extract "$deb" "$root" || die "dpkg-deb cannot unpack $deb"

# Depends: what the shared-library scan finds for the packaged executables (scanned again here,
# independently of CPack), plus what is loaded at run time and invisible to it.
mkdir -p "$scratch/scan/debian"
printf 'Source: outcrop\n\nPackage: outcrop\nArchitecture: any\n' >"$scratch/scan/debian/control"
# (Its warning that the binaries are not where a Debian source package would install them is moot.)
scanned=$(cd "$scratch/scan" && dpkg-shlibdeps -O "$root/usr/bin/outcrop" "$root/usr/libexec/outcrop/outcrop-dashboard" 2>"$scratch/scan/errors") \
    || die "dpkg-shlibdeps failed on the packaged executables: $(cat "$scratch/scan/errors")"
scanned=${scanned#shlibs:Depends=}
run_time_only="libsecret-1-0, libqt6svg6, qt6-qpa-plugins, qt6-translations-l10n"
expected=$(printf '%s, %s' "$scanned" "$run_time_only" | package_names)
actual=$(field Depends | package_names)
if [ "$actual" = "$expected" ]; then
    pass "Depends: $(echo $actual)"
else
    fail "Depends differ from the shared-library scan plus $run_time_only (< expected, > actual):"
    diff <(echo "$expected") <(echo "$actual")
fi
for library in libc6 libqt6core6 libqt6network6 libqt6gui6 libqt6widgets6; do
    grep -qx "$library" <<<"$actual" || fail "Depends lack $library: did the shared-library scan run?"
done
[ "$(field Recommends | package_names)" = "$(printf 'gnome-keyring\nqt6-wayland')" ] \
    || fail "Recommends are '$(field Recommends)', not qt6-wayland, gnome-keyring"

# --- the files -----------------------------------------------------------------------------
expected_files=$(
    printf '%s\n' \
        ./usr/bin/outcrop \
        ./usr/libexec/outcrop/outcrop-dashboard \
        "./usr/share/applications/$app_id.desktop" \
        "./usr/share/metainfo/$app_id.metainfo.xml" \
        "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
        ./usr/share/man/man1/outcrop.1.gz \
        ./usr/share/doc/outcrop/copyright
    for size in 16 22 24 32 48 64 128 256; do
        echo "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done | sort)
expected_files=$(sort <<<"$expected_files")
actual_files=$(cd "$root" && find . ! -type d | sort)
if [ "$actual_files" = "$expected_files" ]; then
    pass "the package has the $(wc -l <<<"$actual_files") expected files"
else
    fail "the package's files differ (< expected, > in the package):"
    diff <(echo "$expected_files") <(echo "$actual_files")
fi
# Owned by root, executables 755, the rest 644 (dpkg-deb --contents: "-rwxr-xr-x root/root ...").
while read -r mode owner _ _ _ path; do
    case "$mode" in d*) continue ;; esac
    want=-rw-r--r--
    case "$path" in ./usr/bin/* | ./usr/libexec/*) want=-rwxr-xr-x ;; esac
    [ "$mode" = "$want" ] && [ "$owner" = root/root ] || fail "$path is $mode $owner, not $want root/root"
done < <(dpkg-deb --contents "$deb")

gzip -dc "$root/usr/share/man/man1/outcrop.1.gz" | cmp -s - "$source_dir/docs/outcrop.1" \
    || fail "the man page is not docs/outcrop.1 compressed"
grep -qx 'License: Apache-2.0' "$root/usr/share/doc/outcrop/copyright" \
    && grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$root/usr/share/doc/outcrop/copyright" \
    || fail "usr/share/doc/outcrop/copyright is not a machine-readable Apache-2.0 copyright file"
for size in 16 22 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    # A PNG's width and height: big-endian 32-bit numbers at bytes 16 and 20 (the IHDR chunk).
    read -r width height < <(od -An -tu4 --endian=big -j16 -N8 "$png")
    [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "the ${size}x${size} icon is ${width}x${height}"
done

# --- desktop entry and metainfo ------------------------------------------------------------
desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
# desktop-file-validate exits 0 on warnings; hints are advice and pass.
report=$(desktop-file-validate "$desktop" 2>&1)
if [ $? -ne 0 ] || grep -Eq ': (error|warning):' <<<"$report"; then
    fail "desktop-file-validate: $report"
else
    pass "desktop-file-validate"
fi
report=$(appstreamcli validate --no-net "$metainfo" 2>&1) && pass "appstreamcli validate --no-net" \
    || fail "appstreamcli validate --no-net: $report"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "the metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" \
    || fail "the metainfo has no release notes for version $version"
grep -q "setDesktopFileName(QStringLiteral(\"$app_id\"))" "$source_dir/src/app/main.cpp" \
    || fail "src/app/main.cpp does not set the desktop file name $app_id"

# --- apt -----------------------------------------------------------------------------------
if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    fail "apt's package lists are missing (/var/lib/apt/lists): run apt-get update, then this test again;" \
        "without them apt cannot say whether the package installs"
else
    # On this machine, then on one with none of the dependencies installed (an empty dpkg
    # status): every dependency must come from Debian 12's archive.
    touch "$scratch/empty-status"
    for status in /var/lib/dpkg/status "$scratch/empty-status"; do
        report=$(apt-get install --simulate -o Dir::State::status="$status" "$deb" 2>&1)
        if [ $? -eq 0 ] && grep -q '^Inst outcrop ' <<<"$report"; then
            pass "apt-get install --simulate (dpkg status $status): $(grep -c '^Inst ' <<<"$report") packages"
        else
            fail "apt-get install --simulate (dpkg status $status): $report"
        fi
    done
fi

# --- the menu entry's command --------------------------------------------------------------
# Every Exec line (the entry and its actions), field codes (%U, %f, ...) removed, run from the
# unpacked root with --version: the launcher must answer without a display.
while IFS= read -r exec_line; do
    command_line=$(sed 's/%[fFuUdDnNickvm]//g; s/%%/%/g' <<<"${exec_line#Exec=}")
    read -r -a words <<<"$command_line"
    program=${words[0]}
    case "$program" in
        /*) program=$root$program ;;
        *) program=$root/usr/bin/$program ;;
    esac
    [ -x "$program" ] || { fail "'$exec_line': ${program#"$root"} is not an executable of the package"; continue; }
    output=$("$program" "${words[@]:1}" --version 2>&1)
    if [ $? -eq 0 ] && [ "$output" = "Outcrop $version" ]; then
        pass "'$exec_line' --version: $output"
    else
        fail "'$exec_line' --version printed '$output', not 'Outcrop $version'"
    fi
done < <(grep '^Exec=' "$desktop")
# The window is the dashboard, which the launcher finds relative to itself: a command line only
# the dashboard reads (an unknown option) must reach it and be refused by it, with exit code 2.
output=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/outcrop" --no-such-option 2>&1)
status=$?
if [ $status -eq 2 ] && grep -q 'no-such-option' <<<"$output" && ! grep -q 'cannot start the dashboard' <<<"$output"; then
    pass "the packaged launcher starts the packaged dashboard"
else
    fail "the packaged launcher did not start the dashboard (exit code $status): $output"
fi

# --- the Flatpak manifest ------------------------------------------------------------------
manifest="$source_dir/packaging/flatpak/$app_id.yml"
# From the scratch folder: flatpak-builder leaves its state folder, .flatpak-builder, where it runs.
report=$(cd "$scratch" && flatpak-builder --show-manifest "$manifest" 2>&1)
if [ $? -eq 0 ] && grep -q "\"id\" : \"$app_id\"" <<<"$report" && grep -q '"runtime" : "org.kde.Platform"' <<<"$report" \
    && grep -q '"name" : "qtkeychain"' <<<"$report" && grep -q '"command" : "outcrop"' <<<"$report"; then
    pass "flatpak-builder --show-manifest"
else
    fail "flatpak-builder --show-manifest $manifest: $report"
fi

[ $failures -eq 0 ] || { printf '%d checks failed\n' "$failures"; exit 1; }
echo "all checks passed"
