#!/usr/bin/env bash
# A single-node Slurm cluster on loopback for the Slurm runtime's tests (see shared/MACHINES.md).
#
#   scripts/slurm-test-cluster.sh start    install slurm-wlm + munge when missing, start munged, slurmctld, slurmd
#   scripts/slurm-test-cluster.sh stop     stop the daemons this script started (by their process ids)
#   scripts/slurm-test-cluster.sh status   print whether the cluster answers, and its node
#
# Idempotent: `start` on a running cluster only checks it answers. The node declares BENCH_SLURM_GPUS (default 3)
# GPUs backed by character device nodes (with regular files Slurm assigns no index and jobs get no
# CUDA_VISIBLE_DEVICES), process tracking without cgroups (proctrack/linuxproc) and no accounting daemon.
# Everything lives under BENCH_SLURM_DIR (default /var/lib/bench-slurm); /etc/slurm holds the config.
set -euo pipefail
config_changed=0

dir="${BENCH_SLURM_DIR:-/var/lib/bench-slurm}"
gpus="${BENCH_SLURM_GPUS:-3}"
host="$(hostname -s)"
conf_dir=/etc/slurm

die() {
  echo "slurm-test-cluster: $*" >&2
  exit 1
}

answers() {
  timeout 5 sinfo -h -o '%T' -n "$host" 2>/dev/null | grep -Eq '^(idle|mixed|allocated|completing)'
}

pid_alive() {
  local file="$1"
  [[ -s "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

install_packages() {
  if command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; then
    return
  fi
  echo "== installing Debian's slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
}

write_config() {
  mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/dev" "$conf_dir"
  local last=$((gpus - 1)) i
  for ((i = 0; i < gpus; i++)); do
    if [[ ! -c "$dir/dev/nvidia$i" ]]; then
      rm -f "$dir/dev/nvidia$i"
      mknod "$dir/dev/nvidia$i" c 195 "$i"
    fi
  done
  local cpus mem
  # Declare at least 8 CPUs (config_overrides lets slurmd accept more than the machine has) so that on a
  # 2-core machine the GPUs, not the cores, bound how many one-GPU jobs run at once.
  cpus="$(nproc)"
  ((cpus >= 8)) || cpus=8
  mem=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 8 / 10))
  cat >"$conf_dir/slurm.conf.new" <<EOF
# Written by bench's scripts/slurm-test-cluster.sh: a one-node test cluster on loopback.
ClusterName=bench-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
GresTypes=gpu
ReturnToService=2
SlurmdParameters=config_overrides
# Fast scheduling for tests on a small machine.
SchedulerType=sched/backfill
SchedulerParameters=defer_batch=0,sched_min_interval=0,bf_interval=1
MessageTimeout=20
KillWait=5
MinJobAge=600
InactiveLimit=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem Gres=gpu:$gpus State=UNKNOWN
PartitionName=bench Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
  echo "NodeName=$host Name=gpu File=$dir/dev/nvidia[0-$last]" >"$conf_dir/gres.conf.new"
  # Only replace the files when they changed; running daemons are restarted to read a changed one.
  config_changed=0
  for f in slurm.conf gres.conf; do
    if cmp -s "$conf_dir/$f.new" "$conf_dir/$f"; then
      rm -f "$conf_dir/$f.new"
    else
      mv "$conf_dir/$f.new" "$conf_dir/$f"
      config_changed=1
    fi
  done
}

start_munge() {
  if pid_alive "$dir/munged.pid" || munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
    return
  fi
  if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=/run/munge/munged.pid" ||
    die "munged did not start (see /var/log/munge/munged.log)"
  cp /run/munge/munged.pid "$dir/munged.pid"
}

start() {
  install_packages
  write_config
  if ((config_changed)); then
    stop_pid "$dir/slurmd.pid" slurmd
    stop_pid "$dir/slurmctld.pid" slurmctld
  fi
  start_munge
  if ! pid_alive "$dir/slurmctld.pid"; then
    slurmctld || die "slurmctld did not start; its log: $dir/log/slurmctld.log"
  fi
  if ! pid_alive "$dir/slurmd.pid"; then
    slurmd || die "slurmd did not start; its log: $dir/log/slurmd.log"
  fi
  local _
  for _ in $(seq 60); do
    if answers; then
      echo "slurm test cluster up: node $host, $gpus GPUs, partition bench (state in $dir)"
      return
    fi
    # A node that was down when slurmctld came back must be resumed by hand.
    scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
    sleep 1
  done
  tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  die "the cluster did not answer within 60 s (logs above)"
}

stop_pid() {
  local file="$1" name="$2" pid _
  pid_alive "$file" || return 0
  pid="$(cat "$file")"
  kill "$pid"
  for _ in $(seq 20); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "slurm-test-cluster: $name ($pid) did not stop; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

stop() {
  stop_pid "$dir/slurmd.pid" slurmd
  stop_pid "$dir/slurmctld.pid" slurmctld
  stop_pid "$dir/munged.pid" munged
  rm -f "$dir/munged.pid"
  echo "slurm test cluster stopped"
}

status() {
  if answers; then
    sinfo -N -o '%N %T %G %c %m'
  else
    echo "slurm test cluster: not answering"
    return 1
  fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*) die "usage: $0 start|stop|status" ;;
esac
