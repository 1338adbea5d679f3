/**
 * The probe plan: every check the chargers' traffic needs, built from the requirement profile's
 * NET-DOMAINS list and services (src/shared/requirements/profile.ts), so the hosts, ports and
 * protocols live in one place (the IT handout's allowlist reads the same data).
 */
import type { RequirementId } from '../../shared/model/finding'
import type { ProbeProtocol } from '../../shared/model/probe'
import { PROFILE, serviceOf, type RequirementProfile } from '../../shared/requirements/profile'

/** One check of one host over one protocol. */
export interface PlannedCheck {
  /** Stable key, e.g. "tls:hermes-prd.sn.tesla.services". */
  readonly key: string
  readonly requirement: RequirementId
  readonly host: string
  readonly protocol: ProbeProtocol
  readonly port: number
  /** The wildcard this host stands for, or null for a named host. */
  readonly wildcard: string | null
}

/** Builds the plan: DNS for every host, then each domain's own services (NTP, or HTTP and TLS). */
export function buildPlan(profile: RequirementProfile = PROFILE): PlannedCheck[] {
  const checks: PlannedCheck[] = []
  for (const domain of profile.parameters.domains) {
    const wildcard = domain.pattern.startsWith('*.') ? domain.pattern : null
    for (const host of domain.probeHosts) {
      for (const protocol of ['dns', ...domain.services] as const) {
        const service = serviceOf(protocol, profile)
        checks.push({ key: `${protocol}:${host}`, requirement: service.requirement, host, protocol, port: service.port, wildcard })
      }
    }
  }
  return checks
}
