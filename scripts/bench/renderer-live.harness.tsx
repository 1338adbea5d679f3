/**
 * Bench-only harness page for scripts/bench/renderer-live.ts: the real LivePage and scan store on
 * a fake Api whose samples the bench drives faster than real time through `window.__bench`.
 * Never part of the app build (electron-vite builds src/renderer only).
 *
 * `?bss=N` sets the number of BSS (default 300); `?demo=1` pre-fills 10 minutes of history and
 * then emits one sample every 2 s, for screenshots; `?hide=<selectors>` leaves parts out (to see
 * what each part costs: WC_BENCH_HIDE in renderer-live.ts); `?css=<rules>` adds style rules (WC_BENCH_CSS).
 */
import { createRoot } from 'react-dom/client'
import type { Api, EventName, Events, RequestArgs, RequestName, RequestResults, ScanSample } from '../../src/shared/contract'
import type { Observation } from '../../src/shared/model/observation'
import { LivePage } from '../../src/renderer/src/pages/live-page'
import { createScanStore } from '../../src/renderer/src/state/scan-store'

const params = new URLSearchParams(location.search)
const BSS = Number(params.get('bss') ?? '300')
const DEMO = params.get('demo') === '1'
const TARGET = 'Garage-Chargers'

/** Seeded PRNG (mulberry32): the same networks every run. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = rng(42)
// Cast: the index is within bounds: xs is never empty here.
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T

const hex = (s: string): string => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join('')
const mac = (i: number): string => ['02', 'a4', '3c', (i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => (typeof b === 'number' ? b.toString(16).padStart(2, '0') : b)).join(':')

interface Sim {
  obs: Observation
  base: number
  level: number
}

function bss(i: number, ssid: string | null, band: '2.4' | '5', channel: number, width: number | null, sec: 'wpa2' | 'mixed' | 'wpa3' | 'open', offset: Observation['secondaryChannelOffset'], base: number): Sim {
  const security: Observation['security'] =
    sec === 'open'
      ? { protocols: ['OPEN'], akm: [], pairwiseCiphers: [], groupCipher: null, pmf: 'none' }
      : sec === 'mixed'
        ? { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP', 'TKIP'], groupCipher: 'TKIP', pmf: 'none' }
        : sec === 'wpa3'
          ? { protocols: ['WPA2', 'WPA3'], akm: ['PSK', 'SAE'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'capable' }
          : { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'none' }
  const frequencyMhz = band === '2.4' ? (channel === 14 ? 2484 : 2407 + 5 * channel) : 5000 + 5 * channel
  return {
    base,
    level: base,
    obs: {
      ssid,
      ssidHex: ssid === null ? null : hex(ssid),
      hidden: ssid === null,
      redacted: false,
      bssid: mac(i),
      frequencyMhz,
      channel,
      band,
      channelWidthMhz: width,
      secondaryChannelOffset: width === 40 ? offset : width === null ? null : 'none',
      security,
      phy: band === '2.4' ? (rand() < 0.4 ? ['b', 'g', 'n', 'ax'] : ['b', 'g', 'n']) : rand() < 0.5 ? ['a', 'n', 'ac', 'ax'] : ['a', 'n', 'ac'],
      basicRatesMbps: band === '2.4' ? [1, 2, 5.5, 11] : [6, 12, 24],
      supportedRatesMbps: null,
      signalDbm: base,
      signalDerived: width === null,
      noiseDbm: null,
      source: 'replay'
    }
  }
}

const NAMES = ['Garage-Guest', 'Lobby WiFi', 'FleetOps', 'Cafe-Free', 'HP-Print-4F', 'Sonos_Ctrl', 'Office-Corp', 'Valet', 'xfinitywifi', 'Building-IoT', 'DIRECT-roku', 'Tower-B 5G', 'Mgmt', 'Security-Cams', 'Elevator-Net', 'Gym', 'ParkingPay', 'Tenant-204', 'Tenant-311', 'Pharmacy', '<script>alert(1)</script>', 'Café ☕ Ünïcödé', 'AirPort-Old']
const CH24 = [1, 1, 6, 6, 6, 11, 11, 3, 9, 13]
const CH5 = [36, 40, 44, 48, 52, 60, 100, 108, 116, 132, 149, 153, 157, 161, 165]

function makeNetworks(n: number): Sim[] {
  const out: Sim[] = [
    // The target: three APs, the closest one strong on 5 GHz.
    bss(1, TARGET, '5', 36, 80, 'wpa2', 'none', -56),
    bss(2, TARGET, '2.4', 6, 20, 'wpa2', 'none', -63),
    bss(3, TARGET, '5', 149, 80, 'wpa2', 'none', -72),
    // HT40+ on channel 1 (spans channels 1–5) and HT40− on 11 (spans 7–11).
    bss(4, 'Building-Guest', '2.4', 1, 40, 'mixed', 'above', -58),
    bss(5, 'Old-Router-40', '2.4', 11, 40, 'wpa2', 'below', -77),
    bss(6, null, '5', 100, 40, 'wpa2', 'above', -83)
  ]
  let i = out.length + 1
  while (out.length < n) {
    const name = `${pick(NAMES)}${rand() < 0.6 ? '' : `-${Math.floor(rand() * 90 + 10)}`}`
    const aps = 1 + Math.floor(rand() * 3)
    for (let k = 0; k < aps && out.length < n; k += 1) {
      const on24 = rand() < 0.45
      const band = on24 ? '2.4' : '5'
      const channel = on24 ? pick(CH24) : pick(CH5)
      const width = rand() < 0.08 ? null : on24 ? 20 : pick([20, 40, 80, 80])
      const sec = rand() < 0.08 ? 'open' : rand() < 0.15 ? 'mixed' : rand() < 0.25 ? 'wpa3' : 'wpa2'
      out.push(bss(i, name, band, channel, width, sec, 'above', Math.round(-92 + rand() * 45)))
      i += 1
    }
  }
  return out
}

const sims = makeNetworks(BSS)
const listeners = new Map<EventName, Set<(p: never) => void>>()
let sessionId = 'bench-1'

function emit<K extends EventName>(name: K, payload: Events[K]): void {
  // Cast: listeners of `name` were registered with the payload type of `name` (on() below).
  for (const l of listeners.get(name) ?? []) (l as (p: Events[K]) => void)(payload)
}

/** One scan at simulated time `t`: every BSS drifts; a few are missed, as real scans do. */
function sample(t: number): ScanSample {
  const observations: Observation[] = []
  for (const s of sims) {
    s.level += (s.base - s.level) * 0.1 + (rand() - 0.5) * 4
    if (rand() < 0.04) continue
    observations.push({ ...s.obs, signalDbm: Math.round(s.level) })
  }
  return { sessionId, at: new Date(t).toISOString(), observations, skipped: 0, warnings: [] }
}

const fakeApi: Api = {
  on(name, listener) {
    let set = listeners.get(name)
    if (!set) listeners.set(name, (set = new Set()))
    // Cast: one Set holds listeners of every event; on() keys them by name, so types match per name.
    set.add(listener as (p: never) => void)
    return () => set.delete(listener as (p: never) => void)
  },
  request<K extends RequestName>(name: K, ..._args: RequestArgs<K>): Promise<RequestResults[K]> {
    // The harness answers the two scan commands; the live page sends no others.
    if (name === 'scan:start') {
      sessionId = `bench-${Date.now()}`
      queueMicrotask(() => emit('scan:status', { sessionId, state: 'scanning', error: null }))
      return Promise.resolve({ ok: true, sessionId, intervalMs: DEMO ? 2000 : 1000 } as RequestResults[K]) // the union member for K
    }
    return Promise.resolve({ ok: true } as RequestResults[K]) // scan:stop's result
  }
}

/** Frame costs: from the rAF that publishes a sample to the task after that frame's paint. */
const frameCosts: number[] = []
const rafDeltas: number[] = []
let lastRaf = 0
function tick(t: number): void {
  if (lastRaf !== 0) rafDeltas.push(t - lastRaf)
  lastRaf = t
  requestAnimationFrame(tick)
}
requestAnimationFrame(tick)

const store = createScanStore(fakeApi, {
  schedule(publish) {
    requestAnimationFrame(() => {
      const t0 = performance.now()
      publish()
      const ch = new MessageChannel()
      ch.port1.onmessage = () => frameCosts.push(performance.now() - t0)
      ch.port2.postMessage(null)
    })
  }
})

let longTasks = 0
new PerformanceObserver((list) => {
  longTasks += list.getEntries().length
}).observe({ type: 'longtask', buffered: false })

const p95 = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN
}

let simT = Date.now() - 30 * 60_000

declare global {
  interface Window {
    __bench?: {
      start(): Promise<void>
      feed(samples: number, everyMs: number): Promise<{ frames: number; frameP95: number; frameMax: number; rafP95: number; longTasks: number; bss: number }>
    }
  }
}

window.__bench = {
  start: () => store.start(),
  feed(samples, everyMs) {
    frameCosts.length = 0
    rafDeltas.length = 0
    longTasks = 0
    return new Promise((resolve) => {
      let left = samples
      const step = (): void => {
        simT += 1000
        emit('scan:sample', sample(simT))
        left -= 1
        if (left > 0) setTimeout(step, everyMs)
        else
          setTimeout(() => {
            resolve({
              frames: frameCosts.length,
              frameP95: p95(frameCosts),
              frameMax: Math.max(...frameCosts),
              rafP95: p95(rafDeltas),
              longTasks,
              bss: store.getSnapshot().networks.size
            })
          }, 200)
      }
      step()
    })
  }
}

// `?hide=.panel-signal,.panel-table`: leave parts out, to see what each costs (bench only).
const hide = params.get('hide')
if (hide) {
  const style = document.createElement('style')
  style.textContent = `${hide} { display: none !important; }`
  document.head.append(style)
}
// `?css=<rules>`: extra style rules, to try a CSS change before making it (bench only).
const css = params.get('css')
if (css) {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
}

const root = document.getElementById('root')
if (root) createRoot(root).render(<LivePage store={store} targetSsid={TARGET} billingMode="free" startOnArrival={false} />)

if (DEMO) {
  // Ten minutes of history at 2 s, then live samples every 2 s, stamped with the wall clock.
  void store.start().then(() => {
    const now = Date.now()
    for (let t = now - 10 * 60_000; t <= now; t += 2000) emit('scan:sample', sample(t))
    setInterval(() => emit('scan:sample', sample(Date.now())), 2000)
  })
}
