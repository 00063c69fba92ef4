"""The ubuntu-latest runner image's system python3, modelled (see runner-image.ts).

Run by this machine's interpreter with -S (no site-packages), it reports Python 3.12.3 and runs
code with the standard library only, so `import sklearn` fails as on the image. pip refuses to
install with Ubuntu's PEP 668 message (the image's pip.conf workaround was removed in January
2025, actions/runner-images#10897). It is a model: the standard library is this machine's.
"""

import os
import runpy
import sys

VERSION = (3, 12, 3)
VERSION_TEXT = "%d.%d.%d" % VERSION

EXTERNALLY_MANAGED = """error: externally-managed-environment

\u00d7 This environment is externally managed
\u2570\u2500> To install Python packages system-wide, try apt install
    python3-xyz, where xyz is the package you are trying to
    install.
    
    If you wish to install a non-Debian-packaged Python package,
    create a virtual environment using python3 -m venv path/to/venv.
    Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
    sure you have python3-full installed.
    
    If you wish to install a non-Debian packaged Python application,
    it may be easiest to use pipx install xyz, which will manage a
    virtual environment for you. Make sure you have pipx installed.
    
    See /usr/share/doc/python3.12/README.venv for more information.

note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
hint: See PEP 668 for the detailed specification."""

# Interpreter options that take no argument, and those that take one.
FLAGS = set("bBdEhiIOPqsSuvx")
WITH_ARGUMENT = set("WX")


class VersionInfo(tuple):
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])


def present_as_312(executable):
    sys.version_info = VersionInfo(VERSION + ("final", 0))
    sys.version = VERSION_TEXT + " (main, Apr  8 2026, 14:44:16) [GCC 13.3.0]"
    sys.hexversion = 0x030C03F0
    # Subprocesses started with sys.executable get this model again, not the real interpreter.
    sys.executable = executable


def not_modelled(what):
    sys.stderr.write("runner model: %s is not modelled by the test harness\n" % what)
    return 2


def pip(args):
    if args[:1] in (["--version"], ["-V"]):
        print("pip 24.0 from /usr/lib/python3/dist-packages/pip (python 3.12)")
        return 0
    command = next((a for a in args if not a.startswith("-")), None)
    if command != "install":
        return not_modelled("pip %s" % (command or ""))
    if "--break-system-packages" in args or os.environ.get("PIP_BREAK_SYSTEM_PACKAGES"):
        return not_modelled("pip install --break-system-packages")
    sys.stderr.write(EXTERNALLY_MANAGED + "\n")
    return 1


def main(executable, argv):
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] not in ("-", "-c", "-m"):
        option = argv[i][1:]
        if argv[i] in ("--version", "-V"):
            print("Python " + VERSION_TEXT)
            return 0
        if option[:1] in WITH_ARGUMENT:
            i += 1 if len(option) > 1 else 2
        elif option and set(option) <= FLAGS:
            i += 1
        else:
            return not_modelled("python3 option %s" % argv[i])
    rest = argv[i:]
    if rest[:1] == ["-m"] and rest[1:2] == ["pip"]:
        return pip(rest[2:])
    if rest[:1] == ["-m"] and rest[1:2] in (["venv"], ["ensurepip"]):
        return not_modelled("python3 -m " + rest[1])
    present_as_312(executable)
    if rest[:1] == ["-m"] and len(rest) > 1:
        sys.argv = rest[1:]
        sys.path[0] = os.getcwd()
        runpy.run_module(rest[1], run_name="__main__", alter_sys=True)
    elif rest[:1] == ["-c"] and len(rest) > 1:
        sys.argv = ["-c"] + rest[2:]
        sys.path[0] = ""
        exec(compile(rest[1], "<string>", "exec"), {"__name__": "__main__"})
    elif rest and rest[0] != "-":
        sys.argv = rest
        sys.path[0] = os.path.dirname(os.path.abspath(rest[0]))
        runpy.run_path(rest[0], run_name="__main__")
    else:
        sys.argv = [""] + rest[1:]
        sys.path[0] = ""
        exec(compile(sys.stdin.read(), "<stdin>", "exec"), {"__name__": "__main__"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
