/**
 * Hostile-input benchmark (issue 10 item 4): every capture in test/fixtures/scan, mutated by the fuzz
 * test's own generator (fixed seed here, so runs compare), repeated to 10,000 blocks, and the
 * pathological inputs of the issue report (20,000 blank lines, 1 MiB lines, …), through format
 * detection and the parsers. Prints the worst ms per KiB (inputs of 64 KiB and more, where the
 * fixed cost of a call no longer dominates), the slowest single call, and how many calls took over
 * 1 s (target: none). CPU time of this process is the figure (wall time on a shared machine mostly
 * measures the other processes); both are printed, with the load average. Measures, never asserts.
 *
 *   npx tsx scripts/bench/wifi-parse-hostile.ts        (also run by `npm run bench`)
 *
 * Env: WC_BENCH_SAMPLES (mutated inputs per capture, default 6), WC_BENCH_SEED (default 20261201).
 */
import fc from 'fast-check'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { detectFormat, parseAs, SCAN_FORMATS, type ScanFormat } from '../../src/main/wifi/parsers/detect'
import { allCaptures, fixture } from '../../test/unit/wifi/helpers'
import { manyBlocks, mutations, PATHOLOGICAL } from '../../test/unit/wifi/scan-mutations'

const SAMPLES = Number(process.env.WC_BENCH_SAMPLES ?? 6)
const SEED = Number(process.env.WC_BENCH_SEED ?? 20261201)
const MIN_KIB_FOR_RATE = 64

interface Timing {
  readonly what: string
  readonly input: string
  readonly kib: number
  readonly cpuMs: number
  readonly wallMs: number
}

const timings: Timing[] = []

function time(what: string, input: string, text: string, fn: () => unknown): void {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  fn()
  const wallMs = performance.now() - t0
  const c = process.cpuUsage(c0)
  timings.push({ what, input, kib: text.length / 1024, cpuMs: (c.user + c.system) / 1000, wallMs })
}

/** Detection and the given parsers on one input. */
function run(input: string, text: string, formats: readonly ScanFormat[]): void {
  time('detect', input, text, () => detectFormat(text))
  for (const f of formats) time(f, input, text, () => parseAs(f, text))
}

const load0 = loadavg()
process.stdout.write(`load average ${load0.map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`)
const captures = allCaptures()
captures.forEach((file, index) => {
  const text = fixture(file)
  const own = detectFormat(text)
  run(file, text, SCAN_FORMATS)
  // 10,000 blocks (up to the 8 MiB input cap): detection and the capture's own parser.
  const blocks = Math.max(1, own ? parseAs(own, text).observations.length : 1)
  run(`${file} ×10,000 blocks`, manyBlocks(text, blocks), own ? [own] : [])
  fc.sample(mutations(1 << 20), { numRuns: SAMPLES, seed: SEED + index }).forEach((mutate, k) => run(`${file} mutation ${k + 1}`, mutate(text), SCAN_FORMATS))
})
for (const [name, text] of Object.entries(PATHOLOGICAL)) run(name, text, SCAN_FORMATS)

const rated = timings.filter((t) => t.kib >= MIN_KIB_FOR_RATE)
const perKib = (t: Timing) => t.cpuMs / t.kib
const worstRate = [...rated].sort((a, b) => perKib(b) - perKib(a))
const slowest = [...timings].sort((a, b) => b.cpuMs - a.cpuMs)
const overCpu = timings.filter((t) => t.cpuMs > 1000).length
const overWall = timings.filter((t) => t.wallMs > 1000).length
const fmt = (t: Timing) => `${t.what.padEnd(16)} ${t.cpuMs.toFixed(1).padStart(7)} ms cpu (${t.wallMs.toFixed(1)} ms wall) on ${t.kib.toFixed(0)} KiB  ${t.input}`

process.stdout.write(`${timings.length} calls over ${captures.length} captures (${SAMPLES} mutations each, seed ${SEED}), 10,000-block copies and ${Object.keys(PATHOLOGICAL).length} pathological inputs\n`)
process.stdout.write(`worst ms per KiB (inputs ≥ ${MIN_KIB_FOR_RATE} KiB, cpu): ${worstRate[0] ? perKib(worstRate[0]).toFixed(3) : 'n/a'} ms/KiB\n`)
for (const t of worstRate.slice(0, 5)) process.stdout.write(`  ${perKib(t).toFixed(3)} ms/KiB  ${fmt(t)}\n`)
process.stdout.write(`worst per parser (ms/KiB, cpu): ${['detect', ...SCAN_FORMATS].map((w) => `${w} ${Math.max(0, ...rated.filter((t) => t.what === w).map(perKib)).toFixed(3)}`).join(', ')}\n`)
process.stdout.write(`slowest call: ${slowest[0] ? fmt(slowest[0]) : 'n/a'}\n`)
process.stdout.write(`calls over 1 s: ${overCpu} by cpu time, ${overWall} by wall time (target: none)\n`)
process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end\n`)
