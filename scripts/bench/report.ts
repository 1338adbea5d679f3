/**
 * Benchmark: a generated 50-location survey exported to PDF through `wc-survey report` (the same
 * pipeline as the app's Export PDF in browser mode: report server → headless Chromium → file).
 * Target: ≤ 10 s from command to file. Prints its figures; never fails a build.
 *
 * Run: `npm run bench report` (builds first), or `npx tsx scripts/bench/report.ts` after a build.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Survey } from '../../src/shared/model/survey'
import { findChromium } from '../../src/main/report/chromium'

const ROOT = join(import.meta.dirname, '..', '..')
const LOCATIONS = 50
const TARGET_S = 10
const RUNS = 3

/** 50 locations cloned from the shipped sample's measured ones, each with its own name and ID. */
function generate(): Survey {
  const sample = JSON.parse(readFileSync(join(ROOT, 'assets', 'sample-survey.wcsurvey'), 'utf8')) as Survey // our own shipped file
  const measured = sample.locations.filter((l) => l.measurements.length > 0)
  const locations = Array.from({ length: LOCATIONS }, (_, i) => {
    const base = measured[i % measured.length] ?? measured[0]
    if (base === undefined) throw new Error('the sample survey has no measured location')
    const level = 1 + Math.floor(i / 17)
    return { ...base, id: `bench-${i + 1}`, name: `Level P${level} – stall ${(i % 17) + 1}` }
  })
  return { ...sample, id: 'bench-50-locations', site: { ...sample.site, name: 'Benchmark Garage (50 locations)' }, locations }
}

/**
 * CPU seconds used so far by this process's finished children and their descendants (Linux
 * /proc/self/stat cutime + cstime), or null elsewhere. On a shared, busy machine the wall time
 * mostly measures the queue for the CPU; the CPU time of the export is what it costs.
 */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? []
    // After "pid (comm) ", field 3 is the state; cutime and cstime are fields 16 and 17.
    const ticks = Number(fields[13]) + Number(fields[14])
    return Number.isFinite(ticks) ? ticks / 100 : null
  } catch {
    return null
  }
}

/** Pages of a PDF by pdfinfo (poppler), or null without it. */
function pageCount(pdf: string): number | null {
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? Number.NaN)
  } catch {
    return null
  }
}

const chromium = findChromium(process.env, process.platform, existsSync)
if (!chromium.ok) {
  process.stdout.write(`report: SKIPPED — ${chromium.message}\n`)
  process.exit(0)
}
if (!existsSync(join(ROOT, 'out', 'renderer', 'report.html'))) {
  process.stdout.write('report: SKIPPED — not built (run `npm run bench`, which builds first)\n')
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'wc-bench-report-'))
try {
  const file = join(dir, 'bench.wcsurvey')
  writeFileSync(file, JSON.stringify(generate()))
  const seconds: number[] = []
  const cpu: number[] = []
  let pages: number | null = null
  for (let run = 0; run < RUNS; run++) {
    const out = join(dir, `bench-${run}.pdf`)
    const c0 = childCpuSeconds()
    const t0 = performance.now()
    execFileSync(process.execPath, [join(ROOT, 'bin', 'wc-survey.js'), 'report', file, '-o', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300000 })
    seconds.push((performance.now() - t0) / 1000)
    const c1 = childCpuSeconds()
    if (c0 !== null && c1 !== null) cpu.push(c1 - c0)
    pages = pageCount(out)
  }
  const best = Math.min(...seconds)
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)] ?? best
  process.stdout.write(`report: ${LOCATIONS}-location survey → ${pages ?? '?'}-page PDF via ${chromium.path}\n`)
  process.stdout.write(`report: print seconds per run: ${seconds.map((s) => s.toFixed(2)).join(', ')} (median ${median.toFixed(2)} s, best ${best.toFixed(2)} s)\n`)
  if (cpu.length > 0) process.stdout.write(`report: CPU seconds per run (Chromium + CLI, all processes): ${cpu.map((c) => c.toFixed(2)).join(', ')}\n`)
  if (existsSync('/proc/loadavg')) process.stdout.write(`report: load average after the runs: ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?'}\n`)
  process.stdout.write(`report: target ≤ ${TARGET_S} s — ${median <= TARGET_S ? 'met' : 'NOT met'} (median wall time)\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
