/**
 * Channel ↔ frequency ↔ band arithmetic (IEEE 802.11 channel numbering), shared by every parser.
 */
import type { Band } from '../../../shared/model/observation'

/** Channel number of a centre frequency; null when the frequency is not a channel centre. */
export function channelOfFrequency(mhz: number): number | null {
  if (mhz === 2484) return 14
  if (mhz >= 2412 && mhz <= 2472 && (mhz - 2407) % 5 === 0) return (mhz - 2407) / 5
  // 5.9 GHz channels 169–177 overlap the 6 GHz start: 5925 is not a 5 GHz centre, 5935 is 6 GHz ch 2.
  if (mhz === 5935) return 2
  if (mhz >= 5955 && mhz <= 7115 && (mhz - 5950) % 5 === 0) return (mhz - 5950) / 5
  if (mhz >= 5000 && mhz <= 5925 && (mhz - 5000) % 5 === 0) return (mhz - 5000) / 5
  return null
}

/** Centre frequency of a channel in a band; null when the channel does not exist there. */
export function frequencyOfChannel(channel: number, band: Band): number | null {
  if (!Number.isInteger(channel) || channel <= 0) return null
  if (band === '2.4') {
    if (channel === 14) return 2484
    return channel <= 13 ? 2407 + channel * 5 : null
  }
  if (band === '5') return channel >= 32 && channel <= 177 ? 5000 + channel * 5 : null
  if (channel === 2) return 5935
  return channel <= 233 ? 5950 + channel * 5 : null
}

/**
 * Band of a bare channel number when no frequency or band is given (netsh, older system_profiler):
 * 1–14 are 2.4 GHz, 32–177 are 5 GHz. 6 GHz channels reuse small numbers, so a tool that can show
 * 6 GHz must say the band itself; this is only used where that tool also reports no 6 GHz.
 */
export function bandOfChannel(channel: number): Band | null {
  if (channel >= 1 && channel <= 14) return '2.4'
  if (channel >= 32 && channel <= 177) return '5'
  return null
}

/** "2.4 GHz", "2,4 GHz", "5GHz", "2GHz" (macOS shorthand), "6 GHz" → band. */
export function parseBandLabel(text: string): Band | null {
  const m = /(\d{1,2})(?:[.,](\d{1,2}))?\s{0,4}GHz/i.exec(text.slice(0, 80).replace(/\u00a0/g, ' '))
  if (!m) return null
  if (m[1] === '2') return '2.4'
  if (m[1] === '5') return '5'
  if (m[1] === '6') return '6'
  return null
}
