/**
 * The target network's signal at a location: the one reading WIFI-SIGNAL judges, shared by the
 * rule, the compliance chart and the before/after comparison so they never disagree.
 */
import type { Observation } from '../model/observation'
import { groupBss, type Bss } from './bss'

/** A BSS with a signal reading. */
export type HeardBss = Bss & { readonly signalDbm: number }

/**
 * The readings that compete for WIFI-SIGNAL among the charger's candidates (2.4 GHz, or band not
 * reported): known-2.4 GHz BSSes, or band-unknown ones only when no 2.4 GHz BSS was heard.
 */
export function signalPool(candidates: readonly Bss[]): HeardBss[] {
  const heard = candidates.filter((b): b is HeardBss => b.signalDbm !== null)
  return heard.some((b) => b.band === '2.4') ? heard.filter((b) => b.band === '2.4') : heard
}

/** The strongest BSS of the signal pool: the one WIFI-SIGNAL judges. Null when none has a reading. */
export function decidingSignal(candidates: readonly Bss[]): HeardBss | null {
  return signalPool(candidates).reduce<HeardBss | null>((best, b) => (best === null || b.signalDbm > best.signalDbm ? b : best), null)
}

/** The charger's candidate BSSes of `targetSsid`: 2.4 GHz, plus those whose band was not reported. */
export function chargerCandidates(all: readonly Bss[], targetSsid: string): Bss[] {
  return all.filter((b) => b.ssid !== null && b.ssid === targetSsid && (b.band === '2.4' || b.band === null))
}

/** The deciding signal of `targetSsid` in one snapshot's observations; null when not heard. */
export function targetSignal(observations: readonly Observation[], targetSsid: string): HeardBss | null {
  return decidingSignal(chargerCandidates(groupBss(observations), targetSsid))
}
