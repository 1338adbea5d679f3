/**
 * Channel arithmetic for the channel chart: which frequencies a BSS occupies, from its primary
 * channel, `channelWidthMhz` and `secondaryChannelOffset`. Pure, so the report reuses it.
 */
import { bssKey } from '../../../shared/model/bss-identity'
import type { Band, Observation } from '../../../shared/model/observation'
import { visibleText } from '../../../shared/text/hidden-chars'

/** One BSS drawn on a channel chart. */
export interface ChannelSpan {
  /** Stable key (the BSS identity, or a fallback: shared/model/bss-identity bssKey). */
  readonly key: string
  /** Display label (SSID text, "(hidden)", …); plain text. */
  readonly label: string
  readonly band: Band
  readonly channel: number
  /** Lower and upper edge of the occupied block, MHz. */
  readonly loMhz: number
  readonly hiMhz: number
  readonly signalDbm: number
  /** Width drawn; 20 when the scanner did not report one. */
  readonly widthMhz: number
  /** False when the width (or a 40 MHz 2.4 GHz secondary side) was not reported: drawn dashed. */
  readonly exact: boolean
  /** Why the span is not exact, for the chart's note; null when exact. */
  readonly note: string | null
  readonly isTarget: boolean
}

/** Centre frequency (MHz) of a channel number in a band. */
export function channelCenterMhz(band: Band, channel: number): number {
  if (band === '2.4') return channel === 14 ? 2484 : 2407 + 5 * channel
  if (band === '5') return 5000 + 5 * channel
  return 5950 + 5 * channel
}

/** Channel number whose centre is `mhz` in a band, or null when none is. */
export function channelAtMhz(band: Band, mhz: number): number | null {
  if (band === '2.4') {
    if (mhz === 2484) return 14
    const c = (mhz - 2407) / 5
    return Number.isInteger(c) && c >= 1 && c <= 13 ? c : null
  }
  const c = (mhz - (band === '5' ? 5000 : 5950)) / 5
  return Number.isInteger(c) && c > 0 ? c : null
}

/**
 * First primary channel of the 40/80/160 MHz block containing `channel`.
 *
 * 5 GHz blocks are fixed by the regulatory channel plan (IEEE 802.11 Annex E): they start at 36
 * (UNII-1..2C) and 149 (UNII-3); a 6 GHz plan starts at channel 1.
 */
function blockStart(band: Band, channel: number, widthMhz: number): number {
  const step = widthMhz / 5
  const base = band === '6' ? 1 : channel >= 149 ? 149 : 36
  return base + Math.floor((channel - base) / step) * step
}

/** The MHz edges a BSS occupies, and whether they are known or assumed. */
export function occupiedBlock(
  band: Band,
  channel: number,
  widthMhz: number | null,
  secondary: Observation['secondaryChannelOffset']
): { lo: number; hi: number; width: number; exact: boolean; note: string | null } {
  const f = channelCenterMhz(band, channel)
  if (widthMhz === null || widthMhz <= 0) {
    return { lo: f - 10, hi: f + 10, width: 20, exact: false, note: 'width not reported: drawn as 20 MHz' }
  }
  if (widthMhz <= 20) return { lo: f - widthMhz / 2, hi: f + widthMhz / 2, width: widthMhz, exact: true, note: null }
  if (band === '2.4') {
    // HT40 on 2.4 GHz: the secondary 20 MHz channel sits 4 channels (20 MHz) above or below.
    if (secondary === 'above') return { lo: f - 10, hi: f + 30, width: 40, exact: true, note: null }
    if (secondary === 'below') return { lo: f - 30, hi: f + 10, width: 40, exact: true, note: null }
    return { lo: f - 20, hi: f + 20, width: 40, exact: false, note: 'secondary channel side not reported: drawn centred' }
  }
  if (widthMhz === 40 && (secondary === 'above' || secondary === 'below')) {
    return secondary === 'above'
      ? { lo: f - 10, hi: f + 30, width: 40, exact: true, note: null }
      : { lo: f - 30, hi: f + 10, width: 40, exact: true, note: null }
  }
  const start = channelCenterMhz(band, blockStart(band, channel, widthMhz)) - 10
  return { lo: start, hi: start + widthMhz, width: widthMhz, exact: true, note: null }
}

/**
 * Label for an SSID that never renders as HTML: text, "(hidden)" or the redaction note.
 *
 * Bidi overrides and control characters show as `[U+202E]` (as in the report): otherwise an
 * SSID "\u202EToI-egaraG" would read as "Garage-IoT" next to the real one, and a NUL would vanish.
 */
export function ssidLabel(o: Pick<Observation, 'ssid' | 'hidden' | 'redacted'>): string {
  if (o.redacted) return 'redacted — Location Services off'
  if (o.hidden || o.ssid === null || o.ssid === '') return '(hidden)'
  return visibleText(o.ssid)
}

/**
 * Channel-chart spans for one band: every observation with a channel and a signal.
 *
 * Observations without a channel or signal cannot be placed and are left out (the table still
 * lists them).
 */
export function selectChannelSpans(observations: Iterable<Observation>, band: Band, targetSsid: string): ChannelSpan[] {
  const spans: ChannelSpan[] = []
  for (const o of observations) {
    if (o.band !== band || o.channel === null || o.signalDbm === null) continue
    const block = occupiedBlock(band, o.channel, o.channelWidthMhz, o.secondaryChannelOffset)
    spans.push({
      key: bssKey(o),
      label: ssidLabel(o),
      band,
      channel: o.channel,
      loMhz: block.lo,
      hiMhz: block.hi,
      signalDbm: o.signalDbm,
      widthMhz: block.width,
      exact: block.exact,
      note: block.note,
      isTarget: isTargetSsid(o, targetSsid)
    })
  }
  // Weakest first so the strongest (and the target) are painted on top.
  return spans.sort((a, b) => Number(a.isTarget) - Number(b.isTarget) || a.signalDbm - b.signalDbm)
}

/** True when the observation belongs to the survey's target SSID (exact text match). */
export function isTargetSsid(o: Pick<Observation, 'ssid' | 'redacted'>, targetSsid: string): boolean {
  return targetSsid !== '' && !o.redacted && o.ssid === targetSsid
}
