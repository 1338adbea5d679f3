/**
 * Renderer benchmark (issue 3): the live page with 300 BSS updating at 1 Hz for 30 simulated
 * minutes, in Chromium. Prints frame cost p95 and JS heap every 5 simulated minutes; measures,
 * never asserts. Targets: p95 ≤ 16 ms, heap ≤ 150 MB and flat once the 10-minute history is full.
 *
 *   npx tsx scripts/bench/renderer-live.ts                     # the benchmark
 *   npx tsx scripts/bench/renderer-live.ts --screenshot x.png  # demo harness screenshot, 1400×900
 *   npx tsx scripts/bench/renderer-live.ts --profile x.cpuprofile  # also a CPU profile of the first 5 min
 *
 * Env: WC_BENCH_BSS (300), WC_BENCH_MINUTES (30), WC_BENCH_SAMPLE_MS (real ms between simulated
 * 1 s samples, default 50: 20× real time, so several samples may share one frame, as after a
 * stall), WC_BENCH_HIDE (CSS selectors of parts to leave out, e.g. ".panel-signal"). The harness page (renderer-live.html/.harness.tsx) is built with vite into a temp
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
const ORIGIN = 'http://127.0.0.1:9/'

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
      await page.waitForSelector('.channel-spans path')
      await page.waitForTimeout(5000)
      await page.screenshot({ path: screenshot })
      process.stdout.write(`screenshot: ${screenshot}\n`)
      return
    }

    const hide = process.env.WC_BENCH_HIDE ? `&hide=${encodeURIComponent(process.env.WC_BENCH_HIDE)}` : ''
    await page.goto(`${ORIGIN}renderer-live.html?bss=${BSS}${hide}`)
    if (hide !== '') process.stdout.write(`  left out: ${process.env.WC_BENCH_HIDE}\n`)
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
    process.stdout.write(`  start: heap ${(await heapMb()).toFixed(1)} MB\n`)
    const all: number[] = []
    const step = 5
    for (let m = step; m <= MINUTES; m += step) {
      const before = await metrics()
      const cpuBefore = await rendererCpuS()
      if (profileTo !== null && m === step) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'))
      // Cast: the harness page installs __bench on globalThis (renderer-live.harness.tsx).
      const r = await page.evaluate(([n, ms]) => (globalThis as unknown as BenchGlobal).__bench.feed(n, ms), [step * 60, SAMPLE_MS] as const)
      const cpuPerFrame = (((await rendererCpuS()) - cpuBefore) * 1000) / Math.max(1, r.frames)
      if (profileTo !== null && m === step) {
        const { profile } = await cdp.send('Profiler.stop')
        writeFileSync(profileTo, JSON.stringify(profile))
        process.stdout.write(`  CPU profile of the first ${step} min: ${profileTo} (open in Chrome DevTools)\n`)
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
    process.stdout.write(`  targets: frame p95 ≤ 16 ms (worst interval ${Math.max(...all).toFixed(1)} ms); heap ≤ 150 MB and flat after t=10 min\n`)
  } finally {
    await browser.close()
    rmSync(out, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`renderer-live bench failed: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
