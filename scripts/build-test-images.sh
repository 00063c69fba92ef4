#!/usr/bin/env bash
# Builds the Python base images the image tests use. Docker Hub is out of reach, so each is a
# minimal Debian made with debootstrap and loaded with `docker import`:
#   mlops-test-python:bookworm  Python 3.11, scikit-learn 1.2, pandas, pip (the training side)
#   mlops-test-python:bullseye  Python 3.9, scikit-learn 0.23 (an older serving side)
# Two Debian releases give two real scikit-learn versions, the mismatch the seed project hit.
#
# bookworm's python3-* packages are exactly the pins of pipelines/requirements.txt, so the
# pipeline Dockerfiles build on it offline: pip finds every pin already installed
# (PIP_NO_INDEX: PyPI is out of reach; PIP_BREAK_SYSTEM_PACKAGES: Debian marks its Python
# EXTERNALLY-MANAGED). A pin Debian does not satisfy fails that build, which is the point.
#
# Images already present are kept (docker's own store is the cache) unless their recipe (the
# label mlops.test-image.recipe, a hash of the packages and import settings below) is outdated.
# Safe to run twice or concurrently: a lock serialises builds.
# Usage: build-test-images.sh [bookworm|bullseye]...
set -euo pipefail

MIRROR="${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
RECIPE_LABEL=mlops.test-image.recipe
releases=("$@")
[ ${#releases[@]} -eq 0 ] && releases=(bookworm bullseye)

packages_for() {
  case "$1" in
    bookworm) echo python3-sklearn,python3-pandas,python3-numpy,python3-scipy,python3-joblib,python3-threadpoolctl,python3-pip ;;
    bullseye) echo python3-sklearn ;;
    *) echo "build-test-images: unknown release $1 (bookworm or bullseye)" >&2; return 1 ;;
  esac
}

# `docker import --change` instructions on top of the common ones.
changes_for() {
  case "$1" in
    bookworm) printf '%s\n' 'ENV PIP_NO_INDEX=1' 'ENV PIP_BREAK_SYSTEM_PACKAGES=1' ;;
  esac
}

# What a built image must do, run in it once after the import (a broken image is not kept).
smoke_test_for() {
  case "$1" in
    bookworm) echo 'python3 -m pip --version && python3 -c "import sklearn, pandas, scipy, joblib, threadpoolctl"' ;;
    bullseye) echo 'python3 -c "import sklearn"' ;;
  esac
}

# Compilers, headers and docs come in through dependencies but are not needed to run Python.
EXCLUDES=(./var/cache/apt ./var/lib/apt/lists ./usr/include ./usr/lib/gcc ./usr/share/doc
  ./usr/share/man ./usr/share/locale ./proc ./sys ./dev)
COMMON_CHANGES=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  'ENV LANG=C.UTF-8' 'CMD ["python3"]')

exec 9>/tmp/mlops-test-images.lock
flock 9

for release in "${releases[@]}"; do
  image="mlops-test-python:$release"
  include="$(packages_for "$release")"
  changes=("${COMMON_CHANGES[@]}")
  while IFS= read -r change; do [ -n "$change" ] && changes+=("$change"); done < <(changes_for "$release")
  smoke_test="$(smoke_test_for "$release")"
  recipe="$(printf '%s\n' "$release" "$include" "${changes[@]}" "${EXCLUDES[@]}" "$smoke_test" |
    sha256sum | cut -c1-16)"
  present="$(docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$image" 2>/dev/null || true)"
  if [ "$present" = "$recipe" ]; then
    echo "build-test-images: $image present"
    continue
  fi
  [ -n "$present" ] || present="none"
  docker image inspect "$image" >/dev/null 2>&1 &&
    echo "build-test-images: $image has recipe $present, not $recipe: rebuilding"

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
  import_args=()
  for change in "${changes[@]}" "LABEL $RECIPE_LABEL=$recipe"; do import_args+=(--change "$change"); done
  tar -C "$root" -c "${EXCLUDES[@]/#/--exclude=}" . |
    docker import "${import_args[@]}" - "$image" >/dev/null
  rm -rf "$root"
  if ! docker run --rm --network none "$image" sh -c "$smoke_test" >"/tmp/mlops-test-image-$release.log" 2>&1; then
    echo "build-test-images: $image fails its check ($smoke_test):" >&2
    cat "/tmp/mlops-test-image-$release.log" >&2
    docker image rm "$image" >/dev/null 2>&1 || true
    exit 1
  fi
  echo "build-test-images: $image built in $(($(date +%s) - start)) s (recipe $recipe)"
done
