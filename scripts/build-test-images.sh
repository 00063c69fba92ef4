#!/usr/bin/env bash
# Builds the Python base images the image tests use. Docker Hub is out of reach, so each is a
# minimal Debian made with debootstrap and loaded with `docker import`:
#   mlops-test-python:bookworm  Python 3.11, scikit-learn 1.2, pandas (the training side)
#   mlops-test-python:bullseye  Python 3.9, scikit-learn 0.23 (an older serving side)
# Two Debian releases give two real scikit-learn versions, the mismatch the seed project hit.
# Images already present are kept (docker's own store is the cache). Safe to run twice or
# concurrently: a lock serialises builds. Usage: build-test-images.sh [bookworm|bullseye]...
set -euo pipefail

MIRROR="${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
releases=("$@")
[ ${#releases[@]} -eq 0 ] && releases=(bookworm bullseye)

packages_for() {
  case "$1" in
    bookworm) echo python3-sklearn,python3-pandas ;;
    bullseye) echo python3-sklearn ;;
    *) echo "build-test-images: unknown release $1 (bookworm or bullseye)" >&2; return 1 ;;
  esac
}

exec 9>/tmp/mlops-test-images.lock
flock 9

for release in "${releases[@]}"; do
  image="mlops-test-python:$release"
  if docker image inspect "$image" >/dev/null 2>&1; then
    echo "build-test-images: $image present"
    continue
  fi
  include="$(packages_for "$release")"
  root="$(mktemp -d "/tmp/mlops-rootfs-$release.XXXXXX")"
  echo "build-test-images: debootstrap $release with $include (a few minutes)"
  start=$(date +%s)
  if ! debootstrap --variant=minbase --include="$include" "$release" "$root" "$MIRROR" \
    >"/tmp/mlops-debootstrap-$release.log" 2>&1; then
    echo "build-test-images: debootstrap $release failed; its log:" >&2
    tail -n 30 "/tmp/mlops-debootstrap-$release.log" >&2
    rm -rf "$root"
    exit 1
  fi
  # Compilers, headers and docs come in through dependencies but are not needed to run Python.
  tar -C "$root" -c \
    --exclude=./var/cache/apt --exclude=./var/lib/apt/lists --exclude=./usr/include \
    --exclude=./usr/lib/gcc --exclude=./usr/share/doc --exclude=./usr/share/man \
    --exclude=./usr/share/locale --exclude=./proc --exclude=./sys --exclude=./dev . |
    docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["python3"]' \
      - "$image" >/dev/null
  rm -rf "$root"
  echo "build-test-images: $image built in $(($(date +%s) - start)) s"
done
