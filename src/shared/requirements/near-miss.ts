/**
 * Near misses of the target network's name: a seen SSID that differs from the typed target only
 * in case, spaces, separators (- _ .) or invisible characters ("HarbourPoint-ev" for
 * "HarbourPoint-EV"). The charger joins the exact name only, so such a target is wrong, and the
 * technician should hear it once, with the seen name to use instead. Defined once: the Wi-Fi
 * rules' evidence, the survey page's banner and the network picker all ask here.
 */
import type { Observation } from '../model/observation'
import { hiddenChars } from '../text/hidden-chars'

const HIDDEN = hiddenChars()
const SEPARATORS = /[\s\-_.]+/gu

/** The key two SSIDs share when one is a near miss of the other ('' for a name of separators only). */
export function ssidFold(ssid: string): string {
  return ssid.normalize('NFKC').replace(HIDDEN, '').replace(SEPARATORS, '').toLowerCase()
}

/** Seen names (each once, in the order given) that are near misses of `targetSsid`; the exact name is never one. */
export function nearMisses(targetSsid: string, seen: Iterable<string | null>): string[] {
  const key = ssidFold(targetSsid)
  if (key === '') return []
  const out = new Set<string>()
  for (const name of seen) if (name !== null && name !== targetSsid && ssidFold(name) === key) out.add(name)
  return [...out]
}

/** What one or more scans say about the target's name. */
export type TargetSighting =
  /** No scan to look in yet, or no target set. */
  | { readonly kind: 'no-scan' }
  | { readonly kind: 'seen' }
  /** Not seen by its exact name, but these near misses were (strongest first). */
  | { readonly kind: 'near-miss'; readonly names: readonly string[] }
  | { readonly kind: 'not-seen' }

/** Looks for `targetSsid` in `observations`: seen exactly, only as near misses, or not at all. */
export function targetSighting(targetSsid: string, observations: readonly Observation[]): TargetSighting {
  if (targetSsid === '' || observations.length === 0) return { kind: 'no-scan' }
  const named = observations.filter((o) => !o.redacted && o.ssid !== null)
  if (named.some((o) => o.ssid === targetSsid)) return { kind: 'seen' }
  const strongestFirst = [...named].sort((a, b) => (b.signalDbm ?? -999) - (a.signalDbm ?? -999))
  const names = nearMisses(targetSsid, strongestFirst.map((o) => o.ssid))
  return names.length > 0 ? { kind: 'near-miss', names } : { kind: 'not-seen' }
}
