#!/usr/bin/env bash
# Builds the Docker images bench's tests and example agents run in, offline (no image registry is ever
# contacted):
#   busybox  `bench-busybox:test`: a root filesystem holding a statically linked busybox and its applet
#            links, imported with `docker import`.
#   python   `bench-python:test`: a minimal Debian root filesystem (debootstrap's minbase variant, the
#            host's release) with Debian's python3-pandas and python3-sklearn, fetched from the Debian
#            mirror the host's apt uses, trimmed of documentation, translations and test suites, then
#            imported with `docker import` (about 360 MB). Some minutes when it must be built.
# Idempotent: each image carries a fingerprint of its inputs as a label, and is rebuilt only when that
# fingerprint changes or the image is missing; with both images up to date the script takes a second.
#
# Usage: scripts/build-test-images.sh [busybox] [python]     (no argument: both)
# Needs: a running Docker daemon; for busybox a static busybox (Debian: apt-get install busybox-static);
# for python root, debootstrap (apt-get install debootstrap) and the Debian mirror.
# Environment: BENCH_TEST_IMAGE, BENCH_PYTHON_IMAGE (the tags), BENCH_DEBIAN_MIRROR, BENCH_DEBIAN_SUITE
# (default: the mirror and release of the host's apt sources).
set -euo pipefail

IMAGE="${BENCH_TEST_IMAGE:-bench-busybox:test}"
PYTHON_IMAGE="${BENCH_PYTHON_IMAGE:-bench-python:test}"
# Bump when the layout below changes, so that existing images are rebuilt.
LAYOUT_VERSION=1
PYTHON_LAYOUT_VERSION=1
PYTHON_PACKAGES="python3-pandas,python3-sklearn"
FINGERPRINT_LABEL="bench.test-image.fingerprint"

temp_dirs=()
cleanup() {
  if ((${#temp_dirs[@]} > 0)); then rm -rf "${temp_dirs[@]}"; fi
}
trap cleanup EXIT

# A new folder for an image's root filesystem, removed when the script exits.
new_rootfs() {
  local dir
  dir="$(mktemp -d)"
  temp_dirs+=("$dir")
  # mktemp makes its folder 0700; as the image's / that would lock out every user but root.
  chmod 0755 "$dir"
  ROOTFS="$dir"
}

# Succeeds (and says so) when image $1 exists with fingerprint $2.
is_up_to_date() {
  local existing
  existing="$(docker image inspect --format "{{ index .Config.Labels \"$FINGERPRINT_LABEL\" }}" "$1" 2>/dev/null || true)"
  if [[ "$existing" == "$2" ]]; then
    echo "build-test-images: $1 is up to date"
    return 0
  fi
  return 1
}

build_busybox() {
  local busybox_bin="" candidate fingerprint applet
  for candidate in /bin/busybox /usr/bin/busybox "$(command -v busybox || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then busybox_bin="$candidate"; break; fi
  done
  if [[ -z "$busybox_bin" ]]; then
    echo "build-test-images: no busybox found; install a static one (apt-get install busybox-static)" >&2
    exit 1
  fi
  # A dynamically linked busybox would not run in an image without a C library.
  if ldd "$busybox_bin" >/dev/null 2>&1; then
    echo "build-test-images: $busybox_bin is dynamically linked; install busybox-static instead" >&2
    exit 1
  fi

  fingerprint="$(
    { sha256sum "$busybox_bin" | cut -d' ' -f1; echo "layout=$LAYOUT_VERSION"; } | sha256sum | cut -d' ' -f1
  )"
  is_up_to_date "$IMAGE" "$fingerprint" && return 0

  new_rootfs
  local rootfs="$ROOTFS"
  mkdir -p "$rootfs"/{bin,etc,home,root,tmp,usr,proc,sys,dev}
  cp "$busybox_bin" "$rootfs/bin/busybox"
  chmod 0755 "$rootfs/bin/busybox"
  for applet in $("$busybox_bin" --list); do
    [[ "$applet" == busybox ]] && continue
    ln -sf busybox "$rootfs/bin/$applet"
  done
  # Scripts written for other systems look in /usr/bin (`#!/usr/bin/env sh`).
  ln -s ../bin "$rootfs/usr/bin"
  chmod 1777 "$rootfs/tmp"
  chmod 0700 "$rootfs/root"
  # The docker runtime runs agents as uid 1000; a passwd entry makes `id` and `whoami` tidy.
  cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
agent:x:1000:1000:bench agent:/home/agent:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
  cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
agent:x:1000:
nogroup:x:65534:
GROUP

  echo "build-test-images: importing $IMAGE from $busybox_bin"
  tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf - . |
    docker import \
      --change 'ENV PATH=/bin' \
      --change 'CMD ["sh"]' \
      --change "LABEL $FINGERPRINT_LABEL=$fingerprint" \
      - "$IMAGE" >/dev/null

  # Smoke test: the image runs a shell as the agents' non-root user, without any network.
  if [[ "$(docker run --rm --network none --user 1000:1000 "$IMAGE" sh -c 'echo ok')" != ok ]]; then
    echo "build-test-images: $IMAGE does not run a shell" >&2
    exit 1
  fi
  echo "build-test-images: built $IMAGE"
}

# The host's Debian release (bookworm, ...).
debian_suite() {
  if [[ -n "${BENCH_DEBIAN_SUITE:-}" ]]; then echo "$BENCH_DEBIAN_SUITE"; return; fi
  # shellcheck disable=SC1091
  (. /etc/os-release && echo "${VERSION_CODENAME:-}")
}

# The first mirror in the host's apt sources that serves suite $1 itself (not its -security or
# -updates companions): deb822 stanzas in *.sources, then one-line `deb` entries in *.list.
debian_mirror() {
  if [[ -n "${BENCH_DEBIAN_MIRROR:-}" ]]; then echo "$BENCH_DEBIAN_MIRROR"; return; fi
  local suite="$1" file found
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] || continue
    found="$(awk -v suite="$suite" '
      BEGIN { RS = "" }
      {
        uris = ""; serves = 0; deb = 0
        n = split($0, lines, "\n")
        for (i = 1; i <= n; i++) {
          line = lines[i]
          if (line ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line); split(line, u, /[ \t]+/); uris = u[1] }
          if (line ~ /^Types:/ && line ~ /(^|[ \t])deb([ \t]|$)/) deb = 1
          if (line ~ /^Suites:/) {
            m = split(line, s, /[ \t]+/)
            for (j = 2; j <= m; j++) if (s[j] == suite) serves = 1
          }
        }
        if (deb && serves && uris != "") { print uris; exit }
      }' "$file")"
    if [[ -n "$found" ]]; then echo "$found"; return; fi
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$file" ]] || continue
    found="$(awk -v suite="$suite" '
      $1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$file")"
    if [[ -n "$found" ]]; then echo "$found"; return; fi
  done
}

build_python() {
  local suite arch mirror fingerprint started log
  suite="$(debian_suite)"
  if [[ -z "$suite" ]]; then
    echo "build-test-images: cannot tell the host's Debian release; set BENCH_DEBIAN_SUITE (e.g. bookworm)" >&2
    exit 1
  fi
  arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"
  # The image's content is decided by the release, the architecture, the packages and the trimming
  # below; which mirror serves them is not part of it.
  fingerprint="$(
    printf 'suite=%s\narch=%s\npackages=%s\nlayout=%s\n' "$suite" "$arch" "$PYTHON_PACKAGES" \
      "$PYTHON_LAYOUT_VERSION" | sha256sum | cut -d' ' -f1
  )"
  is_up_to_date "$PYTHON_IMAGE" "$fingerprint" && return 0

  if [[ "$(id -u)" != 0 ]]; then
    echo "build-test-images: building $PYTHON_IMAGE needs root (debootstrap); run as root or with sudo" >&2
    exit 1
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "build-test-images: debootstrap is missing; install it (apt-get install debootstrap)" >&2
    exit 1
  fi
  mirror="$(debian_mirror "$suite")"
  if [[ -z "$mirror" ]]; then
    echo "build-test-images: no Debian mirror for $suite in /etc/apt/sources.list*; set BENCH_DEBIAN_MIRROR" >&2
    exit 1
  fi

  started=$SECONDS
  new_rootfs
  local rootfs="$ROOTFS"
  log="$rootfs.debootstrap.log"
  temp_dirs+=("$log")
  echo "build-test-images: debootstrap $suite ($arch) with $PYTHON_PACKAGES from $mirror"
  if ! debootstrap --variant=minbase --arch="$arch" --include="$PYTHON_PACKAGES" "$suite" "$rootfs" "$mirror" \
    >"$log" 2>&1; then
    echo "build-test-images: debootstrap failed; the end of its log:" >&2
    tail -n 30 "$log" >&2
    [[ -f "$rootfs/debootstrap/debootstrap.log" ]] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
    exit 1
  fi

  # Trim what no program reads (1.2 GB -> about 360 MB; the vfs storage driver copies an image's whole
  # filesystem for every container): documentation, manuals, translations, package caches and lists,
  # logs, the Python test suites (pandas', numpy's, scipy's and scikit-learn's are large), and the C
  # toolchain that python3-scipy's dependency on pythran pulls in (compilers, headers, static
  # libraries, sanitizer runtimes), which only compiling code needs.
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale,lintian,linda,bug,common-licenses,javascript} \
    "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/log/* "$rootfs"/debootstrap \
    "$rootfs"/usr/include "$rootfs"/usr/lib/gcc "$rootfs"/usr/libexec/gcc "$rootfs"/usr/lib/python3.*/test \
    "$rootfs"/usr/lib/python3/dist-packages/{pythran,gast,beniget}
  find "$rootfs/usr/lib/python3/dist-packages" -depth -type d -name tests -exec rm -rf {} +
  find "$rootfs/usr" -xdev -type f -name '*.a' -delete
  find "$rootfs/usr/bin" -xdev \( -name 'gcc*' -o -name 'g++*' -o -name 'cpp*' -o -name 'c89-gcc' \
    -o -name 'c99-gcc' -o -name 'c++*' -o -name 'x86_64-linux-gnu-*' -o -name 'lto-dump*' -o -name 'gcov*' \
    -o -name 'gprofng*' -o -name 'gp-*' -o -name ld -o -name 'ld.bfd' -o -name 'ld.gold' -o -name gold \
    -o -name as -o -name dwp -o -name 'pythran*' \) -delete
  find "$rootfs/usr/lib" -xdev \( -name 'lib[atl]san.so*' -o -name 'libubsan.so*' -o -name 'libhwasan.so*' \
    -o -name 'libgprofng.so*' \) -delete
  mkdir -p "$rootfs/usr/share/doc" "$rootfs/home"
  chmod 1777 "$rootfs/tmp"
  # The docker runtime runs agents as uid 1000; a passwd entry makes `id` and `whoami` tidy.
  grep -q '^agent:' "$rootfs/etc/passwd" || echo 'agent:x:1000:1000:bench agent:/home/agent:/bin/sh' >>"$rootfs/etc/passwd"
  grep -q '^agent:' "$rootfs/etc/group" || echo 'agent:x:1000:' >>"$rootfs/etc/group"

  echo "build-test-images: importing $PYTHON_IMAGE ($(du -sh "$rootfs" | cut -f1))"
  tar --numeric-owner -C "$rootfs" -cf - . |
    docker import \
      --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["python3"]' \
      --change "LABEL $FINGERPRINT_LABEL=$fingerprint" \
      - "$PYTHON_IMAGE" >/dev/null

  # Smoke test: the agents' non-root user fits a model without any network.
  local answer
  answer="$(docker run --rm --network none --user 1000:1000 "$PYTHON_IMAGE" python3 -c '
import pandas, sklearn
from sklearn.linear_model import LogisticRegression
LogisticRegression().fit([[0.0], [1.0]], [0, 1])
print("ok", pandas.__version__, sklearn.__version__)')"
  if [[ "$answer" != ok* ]]; then
    echo "build-test-images: $PYTHON_IMAGE cannot import pandas and scikit-learn" >&2
    exit 1
  fi
  echo "build-test-images: built $PYTHON_IMAGE (${answer#ok }: pandas, scikit-learn) in $((SECONDS - started)) s"
}

targets=("$@")
((${#targets[@]} > 0)) || targets=(busybox python)
for target in "${targets[@]}"; do
  case "$target" in
    busybox) build_busybox ;;
    python) build_python ;;
    *)
      echo "build-test-images: unknown image '$target'; expected busybox or python" >&2
      exit 2
      ;;
  esac
done
