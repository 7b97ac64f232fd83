// SPDX-License-Identifier: Apache-2.0
// `outcrop`, the executable users run. It links Qt Core and Network only: the export, --help and
// --version run here, and for anything else it replaces itself with `outcrop-dashboard` (the
// window), passing the same arguments. Linking Qt Widgets and Gui (and through them X11,
// fontconfig, harfbuzz, GL, D-Bus: 57 libraries, all bound at start because Debian builds Qt with
// BIND_NOW) cost a headless export about 6 ms of start-up (docs/benchmarks.md).
#include "commandline.h"
#include "headlessexport.h"

#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include <unistd.h>

namespace {

// The folder of this executable, from /proc/self/exe (argv[0] may be a bare name found on PATH),
// falling back to argv[0]'s folder.
std::string executableFolder(const char *argv0)
{
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    std::string executable = length > 0 ? std::string(path, size_t(length)) : std::string(argv0 ? argv0 : "");
    const size_t slash = executable.rfind('/');
    return slash == std::string::npos ? std::string(".") : executable.substr(0, slash);
}

// Replaces this process with the dashboard: next to this executable in the build tree, in
// ${CMAKE_INSTALL_LIBEXECDIR}/outcrop when installed. Returns only when neither can be started.
int execDashboard(char **argv)
{
    const std::string folder = executableFolder(argv[0]);
    int execError = ENOENT;
    std::string tried;
    for (const char *relative : { "/outcrop-dashboard", "/" OUTCROP_DASHBOARD_FROM_BINDIR "/outcrop-dashboard" }) {
        const std::string candidate = folder + relative;
        if (access(candidate.c_str(), X_OK) != 0) {
            continue;
        }
        execv(candidate.c_str(), argv);
        execError = errno;   // execv returns only on failure
        tried = candidate;
    }
    if (tried.empty()) {
        tried = folder + "/" OUTCROP_DASHBOARD_FROM_BINDIR "/outcrop-dashboard";
    }
    std::fprintf(stderr, "outcrop: cannot start the dashboard %s: %s\n", tried.c_str(), std::strerror(execError));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!outcrop::app::runsHeadless(argc, argv)) {
        return execDashboard(argv);
    }
    QCoreApplication app(argc, argv);
    outcrop::app::CommandLine commandLine;
    if (const std::optional<int> exitCode = outcrop::app::startCommandLine(&commandLine)) {
        return *exitCode;
    }
    if (commandLine.exportOptions.isExportRequested()) {
        return outcrop::app::runHeadlessExport(commandLine);
    }
    // runsHeadless() saw something that the parser read differently: the dashboard decides.
    return execDashboard(argv);
}
