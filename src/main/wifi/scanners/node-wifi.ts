/**
 * node-wifi as the baseline scanner (its real code path: it runs `nmcli` on Linux, `airport` on
 * macOS < 14.4). Two of its habits are handled here:
 * - requiring it sets LANG/LC_ALL/LC_MESSAGES=en_US.UTF-8 on process.env for the whole process
 *   (its src/env.js); we restore the environment right after loading it;
 * - it runs its tool with `env: process.env`, so the locale (LC_ALL=C, as issue 3 asks) and PATH
 *   are overlaid on process.env only for the synchronous call that spawns the tool, then restored.
 */
import { createRequire } from 'node:module'
import type { ParseResult, ScanSource } from '../../../shared/model/observation'
import { bandOfChannel, channelOfFrequency, frequencyOfChannel } from '../parsers/channel'
import { bandOfFrequency } from '../../../shared/model/bss-identity'
import { dbmFromPercent, emptyDraft, normalizeBssid, orderProtocols, ParseTally } from '../parsers/observation-draft'
import { ssidFromText } from '../parsers/ssid'

/** One network as node-wifi returns it (src/linux/scan/parser.js, src/macOS/scan/parser.js). */
export interface NodeWifiNetwork {
  readonly ssid?: unknown
  readonly bssid?: unknown
  readonly channel?: unknown
  readonly frequency?: unknown
  readonly signal_level?: unknown
  readonly quality?: unknown
  readonly security?: unknown
}

interface NodeWifiModule {
  init(options: { iface: string | null }): void
  scan(): Promise<unknown>
}

function isNodeWifi(m: unknown): m is NodeWifiModule {
  return typeof m === 'object' && m !== null && 'init' in m && typeof m.init === 'function' && 'scan' in m
}

const LOCALE_KEYS = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'PATH'] as const

/** Runs `fn` with `overlay` on process.env, restoring every touched key afterwards. */
function withEnv<T>(overlay: Partial<Record<(typeof LOCALE_KEYS)[number], string | undefined>>, fn: () => T): T {
  const saved = LOCALE_KEYS.map((k) => [k, process.env[k]] as const)
  for (const [k, v] of Object.entries(overlay)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  try {
    return fn()
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

let loaded: NodeWifiModule | null = null

/** Loads node-wifi once, undoing its process-wide locale change. */
function loadNodeWifi(): NodeWifiModule {
  if (loaded) return loaded
  const required: unknown = withEnv({}, () => createRequire(import.meta.url)('node-wifi'))
  if (!isNodeWifi(required)) throw new Error('node-wifi did not load (unexpected module shape)')
  loaded = required
  return required
}

/** A node-wifi scan run with LC_ALL=C and the given PATH. Rejects with node-wifi's error. */
export function createNodeWifiScan(env: NodeJS.ProcessEnv, iface: string | null = null): () => Promise<NodeWifiNetwork[]> {
  return async () => {
    const wifi = loadNodeWifi()
    // execFile copies the environment synchronously when it spawns, inside wifi.scan().
    const pending = withEnv({ LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C', PATH: env.PATH }, () => {
      wifi.init({ iface })
      return wifi.scan()
    })
    const networks = await pending
    return Array.isArray(networks) ? networks.filter((n): n is NodeWifiNetwork => typeof n === 'object' && n !== null) : []
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * node-wifi networks → observations. On Linux its signal_level is derived from nmcli's percentage
 * (pct/2 − 100); on macOS it is airport's measured RSSI. Its Linux parser splits on every `:`, so an
 * SSID containing one shifts the fields: rows whose channel and frequency disagree are skipped.
 */
export function observationsFromNodeWifi(networks: readonly NodeWifiNetwork[], platform: NodeJS.Platform): ParseResult {
  const tally = new ParseTally('node-wifi')
  const source: ScanSource = 'node-wifi'
  for (const n of networks) {
    const d = emptyDraft(source)
    d.bssid = typeof n.bssid === 'string' ? normalizeBssid(n.bssid) : null
    const freq = num(n.frequency)
    const channel = num(n.channel)
    const quality0 = num(n.quality)
    const shifted =
      (freq !== null && bandOfFrequency(freq) === null) ||
      (freq !== null && channel !== null && channelOfFrequency(freq) !== channel) ||
      (quality0 !== null && (quality0 < 0 || quality0 > 100))
    if (shifted) {
      tally.skip('a network whose fields are shifted (an SSID with ":")')
      continue
    }
    if (freq !== null) {
      d.frequencyMhz = freq
      d.band = bandOfFrequency(freq)
      d.channel = channelOfFrequency(freq)
    } else if (channel !== null) {
      d.channel = channel
      d.band = bandOfChannel(channel)
      d.frequencyMhz = d.band ? frequencyOfChannel(channel, d.band) : null
    }
    if (typeof n.ssid === 'string') Object.assign(d, ssidFromText(n.ssid))
    const quality = quality0
    const level = num(n.signal_level)
    if (platform === 'darwin' && level !== null) d.signalDbm = level
    else if (quality !== null) {
      d.signalDbm = dbmFromPercent(quality)
      d.signalDerived = true
    }
    // node-wifi's security string is a summary ("WPA2", "WPA1 WPA2", "none"): protocols only.
    if (typeof n.security === 'string') {
      const words = n.security.split(/[\s()]+/)
      const protocols = orderProtocols([
        ...(words.includes('WPA1') || words.some((w) => /^WPA\(/.test(w)) ? (['WPA'] as const) : []),
        ...(words.some((w) => w.startsWith('WPA2')) ? (['WPA2'] as const) : []),
        ...(words.some((w) => w.startsWith('WPA3')) ? (['WPA3'] as const) : []),
        ...(words.includes('WEP') ? (['WEP'] as const) : []),
        ...(n.security === 'none' || n.security === 'NONE' ? (['OPEN'] as const) : [])
      ])
      d.security.protocols = protocols.length > 0 ? protocols : null
    }
    if (d.bssid === null && d.frequencyMhz === null) tally.skip('a network without BSSID and frequency')
    else tally.add(d)
  }
  return tally.result()
}
