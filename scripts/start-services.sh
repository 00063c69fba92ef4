#!/usr/bin/env bash
# Starts the real services the tests need, when they are not already running: the Docker
# engine (for the docker executor). Safe to run twice.
set -euo pipefail

if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null; then
    echo "start-services: dockerd is not installed (bash scripts/setup.sh --with-docker)" >&2
    exit 1
  fi
  echo "start-services: starting dockerd"
  nohup dockerd >/tmp/mlops-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "start-services: dockerd did not start; its log:" >&2
    tail -n 30 /tmp/mlops-dockerd.log >&2
    exit 1
  fi
fi
echo "start-services: docker $(docker info --format '{{.ServerVersion}}') ready"
