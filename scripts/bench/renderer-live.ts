/**
 * Renderer benchmark (issue 3): the live page with 300 BSS updating at 1 Hz for 30 simulated
 * minutes, in Chromium. Prints frame cost p95 and JS heap every 5 simulated minutes; measures,
 * never asserts. Targets: p95 ≤ 16 ms, heap ≤ 150 MB and flat once the 10-minute history is full.
 *
 *   npx tsx scripts/bench/renderer-live.ts                     # the benchmark
 *   npx tsx scripts/bench/renderer-live.ts --screenshot x.png  # demo harness screenshot, 1400×900
 *   npx tsx scripts/bench/renderer-live.ts --profile x.cpuprofile  # also a CPU profile of the first 5 min
 *   npx tsx scripts/bench/renderer-live.ts --trace x.json   # also a Chromium trace of the first 5 min, summarised:
 *                                                           # main-thread time per frame by event, elements restyled, objects relaid
 *
 * Env: WC_BENCH_BSS (300), WC_BENCH_MINUTES (30), WC_BENCH_SAMPLE_MS (real ms between simulated
 * 1 s samples, default 50: 20× real time, so several samples may share one frame, as after a
 * stall), WC_BENCH_HIDE (CSS selectors of parts to leave out, e.g. ".panel-signal"), WC_BENCH_CSS (style rules
 * added to the page, to try a CSS change). The harness page (renderer-live.html/.harness.tsx) is built with vite into a temp
 * folder and served to Chromium by request interception: no server, no network.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium } from 'playwright-core'
import { build } from 'vite'

const here = import.meta.dirname
const BSS = Number(process.env.WC_BENCH_BSS ?? 300)
const MINUTES = Number(process.env.WC_BENCH_MINUTES ?? 30)
const SAMPLE_MS = Number(process.env.WC_BENCH_SAMPLE_MS ?? 50)
const screenshotAt = process.argv.indexOf('--screenshot')
const screenshot = screenshotAt === -1 ? null : (process.argv[screenshotAt + 1] ?? 'live-view.png')
const profileAt = process.argv.indexOf('--profile')
const profileTo = profileAt === -1 ? null : (process.argv[profileAt + 1] ?? 'renderer-live.cpuprofile')
const traceAt = process.argv.indexOf('--trace')
const traceTo = traceAt === -1 ? null : (process.argv[traceAt + 1] ?? 'renderer-live.trace.json')
const ORIGIN = 'http://127.0.0.1:9/'

/** One event of a Chromium trace (the JSON Trace Event Format), as far as the summary reads it. */
interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly ts: number
  readonly dur?: number
  /** Thread time (CPU) of the event, µs: unlike `dur`, it does not grow when the machine is busy. */
  readonly tdur?: number
  readonly args?: { readonly name?: string; readonly elementCount?: number; readonly beginData?: { readonly dirtyObjects?: number; readonly totalObjects?: number } }
}

/**
 * What the renderer did per published frame, in CPU time (the events' thread time): per thread of
 * the page's renderer process (top-level events only, so nothing counts twice), the main thread
 * by event name (nested events counted in their parents too, so the parts show), elements
 * restyled (UpdateLayoutTree) and layout objects relaid (Layout's dirty objects): the "what is
 * restyled and relaid each update" view.
 */
function summariseTrace(events: readonly TraceEvent[], frames: number): string {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (main === undefined) return '  trace: no renderer main thread found\n'
  const threadName = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === main.pid).map((e) => [e.tid, (e.args?.name ?? '?').replace(/\d+$/, '')]))
  const cpu = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000
  const complete = events.filter((e) => e.pid === main.pid && e.ph === 'X').sort((a, b) => a.ts - b.ts)
  // Top-level events per thread: those that start after the previous top-level one ended.
  const perThread = new Map<string, number>()
  const openUntil = new Map<number, number>()
  for (const e of complete) {
    if (e.ts < (openUntil.get(e.tid) ?? -1)) continue
    openUntil.set(e.tid, e.ts + (e.dur ?? 0))
    const name = threadName.get(e.tid) ?? String(e.tid)
    perThread.set(name, (perThread.get(name) ?? 0) + cpu(e))
  }
  const byName = new Map<string, number>()
  let restyled = 0
  let relaid = 0
  let layoutTotal = 0
  let layouts = 0
  for (const e of complete) {
    if (e.tid !== main.tid) continue
    byName.set(e.name, (byName.get(e.name) ?? 0) + cpu(e))
    if (e.name === 'UpdateLayoutTree') restyled += e.args?.elementCount ?? 0
    if (e.name === 'Layout') {
      layouts += 1
      relaid += e.args?.beginData?.dirtyObjects ?? 0
      layoutTotal += e.args?.beginData?.totalObjects ?? 0
    }
  }
  const per = (x: number): string => (x / Math.max(1, frames)).toFixed(2)
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 16)
  return (
    `  trace (${frames} frames), renderer CPU ms per frame by thread: ${[...perThread].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${per(ms)}`).join(', ')}\n` +
    `  main thread CPU ms per frame by event (nested events also counted in their parents):\n` +
    top.map(([name, ms]) => `    ${name.padEnd(44)} ${per(ms)}\n`).join('') +
    `  per frame: ${per(restyled)} elements restyled, ${per(layouts)} layouts relaying ${per(relaid)} of ${layouts === 0 ? 0 : Math.round(layoutTotal / layouts)} layout objects\n`
  )
}

/** The hooks renderer-live.harness.tsx installs on the page's window. */
interface BenchHooks {
  start(): Promise<void>
  feed(samples: number, everyMs: number): Promise<{ frames: number; frameP95: number; frameMax: number; rafP95: number; longTasks: number; bss: number }>
}
/** The page's global with the hooks; this file is typed for Node, the callbacks run in the page. */
type BenchGlobal = { readonly __bench: BenchHooks }

const out = mkdtempSync(join(tmpdir(), 'wc-bench-live-'))
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

async function main(): Promise<void> {
  await build({
    root: here,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    // Unminified when profiling, so the profile names our functions.
    build: { outDir: out, emptyOutDir: true, minify: profileTo === null, rollupOptions: { input: join(here, 'renderer-live.html') } }
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    // Serve the built harness from disk; anything else is refused (the page must not reach out).
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin + '/' !== ORIGIN) return route.abort()
      const file = join(out, decodeURIComponent(url.pathname))
      if (!file.startsWith(out)) return route.abort()
      try {
        await route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' })
      } catch {
        await route.fulfill({ status: 404, body: 'not found' })
      }
    })
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`))

    if (screenshot !== null) {
      await page.goto(`${ORIGIN}renderer-live.html?demo=1&bss=${process.env.WC_BENCH_BSS ?? 64}`)
      await page.waitForSelector('.channel-spans canvas')
      await page.waitForTimeout(5000)
      await page.screenshot({ path: screenshot })
      process.stdout.write(`screenshot: ${screenshot}\n`)
      return
    }

    const hide = process.env.WC_BENCH_HIDE ? `&hide=${encodeURIComponent(process.env.WC_BENCH_HIDE)}` : ''
    const css = process.env.WC_BENCH_CSS ? `&css=${encodeURIComponent(process.env.WC_BENCH_CSS)}` : ''
    await page.goto(`${ORIGIN}renderer-live.html?bss=${BSS}${hide}${css}`)
    if (hide !== '') process.stdout.write(`  left out: ${process.env.WC_BENCH_HIDE}\n`)
    if (css !== '') process.stdout.write(`  extra CSS: ${process.env.WC_BENCH_CSS}\n`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async (): Promise<Map<string, number>> => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
    const heapMb = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage')
      return ((await metrics()).get('JSHeapUsedSize') ?? NaN) / 1048576
    }
    // CPU time of the renderer processes (CDP SystemInfo): unlike wall-clock frame times, it barely
    // grows with the load of a shared machine, so it tells a change's effect even on a busy one.
    const browserCdp = await browser.newBrowserCDPSession()
    const rendererCpuS = async (): Promise<number> => {
      const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] } // CDP's SystemInfo.ProcessInfo shape (protocol docs); playwright types it loosely
      return info.processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0)
    }
    // Cast: the harness page installs __bench on globalThis (renderer-live.harness.tsx).
    await page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.start())
    process.stdout.write(
      `renderer-live: ${BSS} BSS at 1 Hz for ${MINUTES} simulated min (one sample every ${SAMPLE_MS} ms real time); history window 10 min\n` +
        `  frame cost = rAF that publishes a sample → first task after that frame (script + style + layout + paint)\n` +
        `  heap = JS heap used after a forced GC (CDP); script/layout/style = main-thread ms per published frame (CDP Performance metrics)\n` +
        `  renderer CPU = CPU time of the renderer processes per published frame (CDP SystemInfo; much less sensitive to machine load than wall-clock times)\n` +
        `  load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (wall-clock figures inflate with load)\n`
    )
    const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ')
    process.stdout.write(`  start: heap ${(await heapMb()).toFixed(1)} MB\n`)
    const all: number[] = []
    const cpuFrames: number[] = []
    const step = 5
    for (let m = step; m <= MINUTES; m += step) {
      const before = await metrics()
      const cpuBefore = await rendererCpuS()
      if (profileTo !== null && m === step) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'))
      if (traceTo !== null && m === step) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'] })
      // Cast: the harness page installs __bench on globalThis (renderer-live.harness.tsx).
      const r = await page.evaluate(([n, ms]) => (globalThis as unknown as BenchGlobal).__bench.feed(n, ms), [step * 60, SAMPLE_MS] as const)
      const cpuPerFrame = (((await rendererCpuS()) - cpuBefore) * 1000) / Math.max(1, r.frames)
      cpuFrames.push(cpuPerFrame)
      if (profileTo !== null && m === step) {
        const { profile } = await cdp.send('Profiler.stop')
        writeFileSync(profileTo, JSON.stringify(profile))
        process.stdout.write(`  CPU profile of the first ${step} min: ${profileTo} (open in Chrome DevTools)\n`)
      }
      if (traceTo !== null && m === step) {
        const trace = await browser.stopTracing()
        writeFileSync(traceTo, trace)
        // Cast: Chromium writes the JSON Trace Event Format, { traceEvents: [...] }.
        const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
        process.stdout.write(summariseTrace(traceEvents, r.frames) + `  trace of the first ${step} min: ${traceTo} (open in Chrome DevTools → Performance)\n`)
      }
      const after = await metrics()
      const perFrame = (name: string): string => ((((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / Math.max(1, r.frames)).toFixed(1)
      all.push(r.frameP95)
      process.stdout.write(
        `  t=${String(m).padStart(2)} min: frames ${r.frames}, frame p95 ${r.frameP95.toFixed(1)} ms (max ${r.frameMax.toFixed(1)}), ` +
          `rAF interval p95 ${r.rafP95.toFixed(1)} ms, long tasks ${r.longTasks}, per frame: script ${perFrame('ScriptDuration')} / layout ${perFrame('LayoutDuration')} / style ${perFrame('RecalcStyleDuration')} ms, ` +
          `renderer CPU ${cpuPerFrame.toFixed(1)} ms per frame, BSS ${r.bss}, heap ${(await heapMb()).toFixed(1)} MB, load ${loadavg()[0]?.toFixed(1)}\n`
      )
    }
    const cpuAll = cpuFrames.reduce((a, b) => a + b, 0) / Math.max(1, cpuFrames.length)
    process.stdout.write(
      `  summary: frame p95 worst interval ${Math.max(...all).toFixed(1)} ms (target ≤ 16 ms, wall clock); renderer CPU ${cpuAll.toFixed(1)} ms per frame (mean of the intervals; ` +
        `worst ${Math.max(...cpuFrames).toFixed(1)}); load average at start ${loadAtStart}, at end ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs\n` +
        `  targets: frame p95 ≤ 16 ms; heap ≤ 150 MB and flat after t=10 min (wall-clock frame times are only comparable on a quiet machine; renderer CPU per frame tells a change's effect on a busy one)\n`
    )
  } finally {
    await browser.close()
    rmSync(out, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`renderer-live bench failed: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
