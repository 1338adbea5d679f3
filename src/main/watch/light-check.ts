/**
 * The watch's light connectivity check, through the probe engine: one DNS lookup of a charger host
 * (UDP 53 to the network's resolver), one TLS connection to that host on TCP 443, and one SNTP
 * exchange with the first NTP server of the profile. Three checks instead of the full plan's
 * dozens, so running it every 30 s for hours costs the network next to nothing.
 */
import { buildPlan, type PlannedCheck } from '../probe/plan'
import { runProbe, type ProbeEngineDeps } from '../probe/runner'
import type { LightCheck } from './watch-engine'

/** The three checks, taken from the full plan so hosts, ports and requirements stay in one place. */
export function lightPlan(plan: readonly PlannedCheck[] = buildPlan()): PlannedCheck[] {
  const chargerHost = plan.find((c) => c.protocol === 'tls')?.host
  const ntpHost = plan.find((c) => c.protocol === 'ntp')?.host
  const keys = [`dns:${chargerHost}`, `tls:${chargerHost}`, `ntp:${ntpHost}`]
  return keys.flatMap((k) => plan.filter((c) => c.key === k))
}

/** Per-check timeout of the light check: shorter than a full probe's, it runs unattended. */
export const LIGHT_CHECK_TIMEOUT_MS = 3000

/** A LightCheck on the probe engine: what did not pass, one line each. */
export function probeLightCheck(engine: ProbeEngineDeps, timeoutMs = LIGHT_CHECK_TIMEOUT_MS): LightCheck {
  const plan = lightPlan(engine.plan)
  return async (signal) => {
    const run = await runProbe({ ...engine, plan }, { timeoutMs, signal })
    return run.results.filter((r) => r.outcome !== 'pass').map((r) => `${r.protocol.toUpperCase()} ${r.host}: ${r.kind ?? 'not run'} (${r.detail})`.slice(0, 300))
  }
}
