/**
 * The firewall rule (or network change) to make for a failed check, in an installer's words:
 * "allow UDP 123 to pool.ntp.org".
 */
import type { ProbeFailureKind } from '../../shared/model/probe'
import { WILDCARD_NOTE } from '../../shared/requirements/allowlist'
import type { PlannedCheck } from './plan'

/** The rule to add for a failure of `kind` on `check`; `resolver` names the DNS server asked. */
export function ruleFor(check: PlannedCheck, kind: ProbeFailureKind, resolver: string | null): string {
  const target = check.wildcard ?? check.host
  const wildcard = check.wildcard ? ` (${WILDCARD_NOTE})` : ''
  const server = resolver ?? "the network's DNS server"
  switch (check.protocol) {
    case 'dns':
      if (kind === 'nxdomain' || kind === 'wrong-answer') return `stop DNS filtering of ${target} on ${server}${wildcard}`
      if (kind === 'bad-reply') return `fix the DNS server ${server}: it does not answer ${check.host} correctly`
      return `allow UDP 53 to ${server}`
    case 'ntp':
      return `allow UDP 123 to ${check.host}`
    case 'http':
      if (kind === 'captive-portal') return "turn off the captive portal on the chargers' network (or exempt the chargers from it)"
      return `allow TCP 80 to ${target}${wildcard}`
    case 'tls':
      if (kind === 'untrusted-certificate' || kind === 'hostname-mismatch') return `exempt ${target} from TLS inspection${wildcard}`
      return `allow TCP 443 to ${target}${wildcard}`
  }
}
