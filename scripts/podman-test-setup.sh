#!/usr/bin/env bash
# Podman for the Slurm runtime's podman launcher tests: installs Debian's podman when missing, gives it
# a configuration that works inside containers and VMs, and copies bench's busybox test image from
# Docker's storage into podman's. Idempotent: with podman configured and the image loaded it takes a
# second. Run as root (the test cluster's jobs run rootful podman).
#
#   /etc/containers/storage.conf     written only when absent: the vfs driver (no overlayfs needed)
#   /etc/containers/containers.conf  written only when absent: the cgroupfs manager (no systemd) and
#                                    default ulimits no higher than this machine's hard limits (podman
#                                    otherwise asks for 1048576 open files, and runc fails with "error
#                                    setting rlimit type 7: operation not permitted" without
#                                    CAP_SYS_RESOURCE)
#
# Usage: scripts/podman-test-setup.sh
# Needs: a running Docker daemon holding the test image (scripts/build-test-images.sh busybox).
# Environment: BENCH_TEST_IMAGE (the image's tag, default bench-busybox:test).
set -euo pipefail

IMAGE="${BENCH_TEST_IMAGE:-bench-busybox:test}"

die() {
  echo "podman-test-setup: $*" >&2
  exit 1
}

if ! command -v podman >/dev/null 2>&1; then
  echo "podman-test-setup: installing Debian's podman"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null
fi

mkdir -p /etc/containers
if [[ ! -e /etc/containers/storage.conf ]]; then
  cat >/etc/containers/storage.conf <<'EOF'
# Written by bench's scripts/podman-test-setup.sh: vfs works where overlayfs cannot be mounted.
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"
EOF
fi
if [[ ! -e /etc/containers/containers.conf ]]; then
  nofile="$(ulimit -Hn)"
  [[ "$nofile" == unlimited || "$nofile" -gt 1048576 ]] && nofile=1048576
  # runc's own process limit may sit below the shell's: 32768 processes is plenty (--pids-limit bounds
  # a run's processes anyway).
  nproc="$(ulimit -Hu)"
  [[ "$nproc" == unlimited || "$nproc" -gt 32768 ]] && nproc=32768
  cat >/etc/containers/containers.conf <<EOF
# Written by bench's scripts/podman-test-setup.sh.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
fi

# The same image as Docker's (the same id), loaded once.
docker_id="$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null)" ||
  die "Docker has no image $IMAGE: run scripts/build-test-images.sh busybox first"
podman_id="$(podman image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
if [[ "sha256:$podman_id" != "$docker_id" && "$podman_id" != "$docker_id" ]]; then
  echo "podman-test-setup: loading $IMAGE into podman's storage"
  docker save "$IMAGE" | podman load >/dev/null
fi

# One container, as the podman launcher runs it (a user, no network, no capabilities).
out="$(podman run --rm --network none --cap-drop ALL --user 1000:1000 --entrypoint "" "$IMAGE" /bin/sh -c 'echo ok' 2>&1)" ||
  die "podman cannot run a container here: $out"
[[ "$out" == ok ]] || die "podman ran a container that printed '$out' instead of 'ok'"
echo "podman-test-setup: podman $(podman version -f '{{.Client.Version}}') runs $IMAGE"
