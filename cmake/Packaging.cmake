# SPDX-License-Identifier: Apache-2.0
# Desktop integration and packages (included from the top-level CMakeLists.txt once the targets
# exist): what `cmake --install` puts beside the executables, the Debian package that
# scripts/package builds with cpack, and Qt's runtime deployment on Windows and macOS.

# The reverse-DNS application id: the .desktop and metainfo file names, the icon name, the
# Flatpak app id and QGuiApplication::desktopFileName (src/app/main.cpp) must all be this.
set(OUTCROP_APP_ID io.github.outcrop.Outcrop)

if(WIN32 OR APPLE)
    # Copies Qt's libraries and plugins beside the installed dashboard (windeployqt, macdeployqt).
    # Untested: nothing here builds for Windows or macOS (README.md, "Packaging").
    qt_generate_deploy_app_script(TARGET outcrop-dashboard FILENAME_VARIABLE outcrop_deploy_script)
    install(SCRIPT "${outcrop_deploy_script}")
    return()
endif()

set(packaging_dir "${PROJECT_SOURCE_DIR}/packaging")
install(FILES "${packaging_dir}/${OUTCROP_APP_ID}.desktop"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${packaging_dir}/${OUTCROP_APP_ID}.metainfo.xml"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES "${packaging_dir}/icons/${OUTCROP_APP_ID}.svg"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256)
    install(FILES "${packaging_dir}/icons/${size}x${size}/${OUTCROP_APP_ID}.png"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
# Debian's machine-readable copyright file (share/doc/<package>, not CMAKE_INSTALL_DOCDIR, which
# is named after the CMake project).
install(FILES "${packaging_dir}/debian/copyright" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/outcrop)

# The man page, compressed as Debian policy wants; -n leaves the name and time out of the gzip
# header so that two builds give the same file.
set(man_page "${CMAKE_CURRENT_BINARY_DIR}/man/outcrop.1")
add_custom_command(OUTPUT "${man_page}.gz"
    COMMAND ${CMAKE_COMMAND} -E copy "${PROJECT_SOURCE_DIR}/docs/outcrop.1" "${man_page}"
    COMMAND gzip -9 -n -f "${man_page}"
    DEPENDS "${PROJECT_SOURCE_DIR}/docs/outcrop.1"
    COMMENT "Compressing the man page"
    VERBATIM)
add_custom_target(outcrop_man_page ALL DEPENDS "${man_page}.gz")
install(FILES "${man_page}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package (cpack -G DEB, run by scripts/package).
set(OUTCROP_PACKAGE_MAINTAINER "Outcrop developers <outcrop@users.noreply.github.com>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME outcrop)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Outcrop developers")
set(CPACK_PACKAGE_CONTACT "${OUTCROP_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "dashboard for Amazon Bedrock custom model deployments")
# The extended description, in lines of less than 80 characters as Debian wants them (CPack
# indents them but does not wrap).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Outcrop shows the custom model deployments of Amazon Bedrock in one account"
    "and region: what is deployed, what is still being created, what failed and"
    "why. It refreshes itself, notifies when a deployment becomes active or"
    "fails, and exports the deployments to CSV, also from the command line"
    "without a display. It reads the configuration of the AWS CLI and SDKs, and"
    "has a built-in simulator (outcrop --demo).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends: what dpkg-shlibdeps finds the executables linked to, and what is loaded at run time
# and so invisible to it: libsecret (QtKeychain dlopen()s it), the platform plugins (xcb),
# the SVG image plugin (icons) and Qt's own translations.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6, qt6-qpa-plugins, qt6-translations-l10n")
# Native Wayland windows; a Secret Service to keep credentials in (any provider will do).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, gnome-keyring")
include(CPack)
