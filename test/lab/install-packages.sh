#!/usr/bin/env bash
# Debian packages the probe lab (test/lab) and the probe benchmark (scripts/bench/probe.ts) need.
# .ci/run may call this; it installs only what is missing.
#   iproute2 nftables conntrack   namespaces, the router's firewall, flushing tracked flows
#   dnsmasq chrony nginx-light    the cloud's real DNS, NTP and HTTP/TLS servers
#   openssl                       the lab CAs and certificates
#   dnsutils curl ntpsec-ntpdate  the benchmark's sequential baseline (dig, curl, ntpdig)
set -euo pipefail
packages=(iproute2 nftables conntrack dnsmasq chrony nginx-light openssl dnsutils curl ntpsec-ntpdate)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
