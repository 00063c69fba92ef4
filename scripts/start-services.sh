#!/usr/bin/env bash
# Starts the real services the tests need, when they are not already running: the Docker
# engine (for the docker executor) and a Docker registry on 127.0.0.1:5000 with htpasswd auth
# (Debian's docker-registry; user oauth2accesstoken, as Artifact Registry has it, with the
# test-only password in tests/helpers/services.ts), and a second registry on 127.0.0.1:5001 with
# token auth, as Artifact Registry has it, in front of the token service on 127.0.0.1:5002
# (tests/emulators/registry-token-service.ts; its test-only passwords are TOKEN_REGISTRY in
# tests/helpers/services.ts). Safe to run twice.
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

REGISTRY_DIR=/tmp/mlops-registry
if ! curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/ 2>/dev/null | grep -q 401; then
  if ! command -v docker-registry >/dev/null || ! command -v htpasswd >/dev/null; then
    echo "start-services: docker-registry or htpasswd is not installed (bash scripts/setup.sh --with-docker)" >&2
    exit 1
  fi
  mkdir -p "$REGISTRY_DIR/data"
  htpasswd -Bbc "$REGISTRY_DIR/htpasswd" oauth2accesstoken mlops-test-registry >/dev/null 2>&1
  cat >"$REGISTRY_DIR/config.yml" <<YAML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $REGISTRY_DIR/data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:5000 }
auth: { htpasswd: { realm: mlops-test, path: $REGISTRY_DIR/htpasswd } }
YAML
  echo "start-services: starting docker-registry on 127.0.0.1:5000"
  nohup docker-registry serve "$REGISTRY_DIR/config.yml" >/tmp/mlops-registry.log 2>&1 &
  for _ in $(seq 1 30); do
    curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/ | grep -q 401 && break
    sleep 0.5
  done
  if ! curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/ | grep -q 401; then
    echo "start-services: docker-registry did not start; its log:" >&2
    tail -n 30 /tmp/mlops-registry.log >&2
    exit 1
  fi
fi
echo "start-services: registry 127.0.0.1:5000 ready (htpasswd)"

# The token service signs with a key whose self-signed certificate the registry trusts. Both are
# made once and kept, so that either service can be restarted alone.
TOKEN_DIR=/tmp/mlops-token-registry
ROOT=$(cd "$(dirname "$0")/.." && pwd)
http_code() { curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }
wait_for() { # URL STATUS LOG NAME
  for _ in $(seq 1 60); do
    [[ $(http_code "$1") == "$2" ]] && return 0
    sleep 0.5
  done
  echo "start-services: $4 did not start; its log:" >&2
  tail -n 30 "$3" >&2
  exit 1
}
mkdir -p "$TOKEN_DIR/data"
if [[ ! -s $TOKEN_DIR/key.pem || ! -s $TOKEN_DIR/cert.pem ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj /CN=mlops-test-token-service \
    -keyout "$TOKEN_DIR/key.pem" -out "$TOKEN_DIR/cert.pem" >/dev/null 2>&1
fi
if [[ $(http_code http://127.0.0.1:5002/token) != 200 ]]; then
  echo "start-services: starting the registry token service on 127.0.0.1:5002"
  nohup "$ROOT/node_modules/.bin/node" "$ROOT/scripts/run-ts.mjs" scripts/registry-token-service.ts \
    "$TOKEN_DIR/key.pem" >/tmp/mlops-registry-token.log 2>&1 &
  wait_for http://127.0.0.1:5002/token 200 /tmp/mlops-registry-token.log 'the registry token service'
fi
if [[ $(http_code http://127.0.0.1:5001/v2/) != 401 ]]; then
  cat >"$TOKEN_DIR/config.yml" <<YAML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $TOKEN_DIR/data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:5001 }
auth:
  token:
    realm: http://127.0.0.1:5002/token
    service: 127.0.0.1:5001
    issuer: mlops-test-token-service
    rootcertbundle: $TOKEN_DIR/cert.pem
YAML
  echo "start-services: starting docker-registry on 127.0.0.1:5001"
  nohup docker-registry serve "$TOKEN_DIR/config.yml" >/tmp/mlops-token-registry.log 2>&1 &
  wait_for http://127.0.0.1:5001/v2/ 401 /tmp/mlops-token-registry.log 'docker-registry on 127.0.0.1:5001'
fi
echo "start-services: registry 127.0.0.1:5001 ready (token auth, realm http://127.0.0.1:5002/token)"
