#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian/Ubuntu machine: Python with scikit-learn
# and pandas (from the distribution, since PyPI may be unreachable) and the Python checks'
# tools (black, flake8, mypy, pytest), Docker, a registry, busybox
# and debootstrap (the test base images) for the image and docker-executor tests, Chromium for
# the report and run-browser tests, and the npm
# modules (which bring Node 24).
# Usage: bash scripts/setup.sh [--with-docker]
set -euo pipefail
cd "$(dirname "$0")/.."

want_docker=false
[[ "${1:-}" == "--with-docker" ]] && want_docker=true

packages=()
/usr/bin/python3 -c 'import sklearn, pandas, joblib' 2>/dev/null || packages+=(python3-sklearn python3-pandas python3-joblib)
# A third-party estimator by import path, in the training tests (models as configuration).
/usr/bin/python3 -c 'import xgboost' 2>/dev/null || packages+=(python3-xgboost)
# venv: the harness models actions/setup-python with a venv over this Python.
dpkg -s python3-venv >/dev/null 2>&1 || packages+=(python3-venv)
# The Python side's checks (npm run python:check): formatter, linter, type checker and pytest.
for tool in black flake8 mypy; do
  command -v "$tool" >/dev/null || packages+=("$tool")
done
/usr/bin/python3 -c 'import pytest' 2>/dev/null || packages+=(python3-pytest)
if $want_docker; then
  command -v dockerd >/dev/null || packages+=(docker.io)
  command -v docker-registry >/dev/null || packages+=(docker-registry)
  command -v htpasswd >/dev/null || packages+=(apache2-utils)
  command -v curl >/dev/null || packages+=(curl)
  command -v openssl >/dev/null || packages+=(openssl)
  [[ -x /bin/busybox ]] || packages+=(busybox-static)
  command -v debootstrap >/dev/null || packages+=(debootstrap)
  command -v flock >/dev/null || packages+=(util-linux)
  # The report and run-browser tests drive a real headless Chromium (puppeteer-core).
  command -v chromium >/dev/null || packages+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || packages+=(fonts-dejavu-core)
fi
if ((${#packages[@]} > 0)); then
  if command -v apt-get >/dev/null; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "setup: installing ${packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "setup: please install ${packages[*]} (no apt-get here)" >&2
    exit 1
  fi
fi

if [[ ! -x node_modules/.bin/node || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm modules"
  npm ci --no-audit --no-fund --loglevel=error
fi
