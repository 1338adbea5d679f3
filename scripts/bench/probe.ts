/**
 * Probe benchmark (issue 5): in the lab (root only), the full default plan with everything open
 * and with everything dropped, against a sequential baseline of the tools a technician would run
 * by hand — dig, ntpdig, curl, openssl s_client, one after another with their default timeouts —
 * in the same run. Prints the figures, the targets and the ratios.
 *
 * Targets: ≤ 1 s all open; ≤ per-check timeout + 1 s all dropped; ≥ 10× faster than the
 * sequential baseline when dropped. Run: `npm run bench probe` (or `npx tsx scripts/bench/probe.ts`).
 */
import { Lab, labUnavailable, type Scenario } from '../../test/lab/lab-network'
import { buildPlan } from '../../src/main/probe/plan'
import { DEFAULT_TIMEOUT_MS } from '../../src/main/probe/runner'

const why = labUnavailable()
if (why) {
  process.stdout.write(`probe benchmark: not run — ${why}. Run it as root on Linux with the lab packages (see .ci/run).\n`)
  process.exit(0)
}

const plan = buildPlan()
const lab = await Lab.start()

interface EngineFigure {
  readonly engineMs: number
  readonly processMs: number
  readonly outcomes: string
}

async function engine(scenario: Scenario): Promise<EngineFigure> {
  await lab.setScenario(scenario)
  const child = await lab.probe(['--timeout-ms', String(DEFAULT_TIMEOUT_MS)])
  // Cast: the child is our own probe CLI printing --json (src/cli/commands/probe.ts).
  const run = JSON.parse(child.stdout) as { elapsedMs: number; results: { outcome: string }[] }
  const counts = new Map<string, number>()
  for (const r of run.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1)
  return { engineMs: run.elapsedMs, processMs: child.ms, outcomes: [...counts].map(([k, v]) => `${v} ${k}`).join(', ') }
}

/** The same checks by hand, one tool after another, each with its default timeouts. */
async function baseline(scenario: Scenario): Promise<{ ms: number; failures: number }> {
  await lab.setScenario(scenario)
  const start = performance.now()
  let failures = 0
  for (const check of plan) {
    const h = check.host
    const command =
      check.protocol === 'dns'
        ? ['dig', h, 'A']
        : check.protocol === 'ntp'
          ? ['ntpdig', h]
          : check.protocol === 'http'
            ? ['curl', '-sS', '-o', '/dev/null', `http://${h}/`]
            : ['sh', '-c', `openssl s_client -connect ${h}:443 -servername ${h} -CAfile ${lab.caFile} -verify_return_error < /dev/null`]
    const r = await lab.client(command)
    if (r.code !== 0) failures += 1
  }
  return { ms: performance.now() - start, failures }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

try {
  process.stdout.write(`probe benchmark: ${plan.length} checks of the default plan, per-check timeout ${DEFAULT_TIMEOUT_MS} ms, real servers behind nftables\n`)
  const open: EngineFigure[] = []
  for (let i = 0; i < 3; i++) open.push(await engine('open'))
  const openMs = median(open.map((f) => f.engineMs))
  const dropped = await engine('all-dropped')
  process.stdout.write('baseline (dig, ntpdig, curl, openssl s_client in sequence, default timeouts): all open…\n')
  const baseOpen = await baseline('open')
  process.stdout.write('baseline: all dropped (this takes minutes: that is the point)…\n')
  const baseDropped = await baseline('all-dropped')

  const rows = [
    ['all open, engine (median of 3)', s(openMs), `target ≤ 1 s: ${openMs <= 1000 ? 'met' : 'MISSED'}`, open[0]?.outcomes ?? ''],
    ['all open, engine process incl. Node start', s(median(open.map((f) => f.processMs))), '', ''],
    ['all dropped, engine', s(dropped.engineMs), `target ≤ ${s(DEFAULT_TIMEOUT_MS + 1000)}: ${dropped.engineMs <= DEFAULT_TIMEOUT_MS + 1000 ? 'met' : 'MISSED'}`, dropped.outcomes],
    ['all open, sequential baseline', s(baseOpen.ms), '', `${baseOpen.failures} tool runs failed`],
    ['all dropped, sequential baseline', s(baseDropped.ms), '', `${baseDropped.failures} tool runs failed`]
  ]
  for (const r of rows) process.stdout.write(`  ${(r[0] ?? '').padEnd(44)} ${(r[1] ?? '').padStart(9)}  ${(r[2] ?? '').padEnd(26)} ${r[3] ?? ''}\n`)
  const ratioDropped = baseDropped.ms / dropped.engineMs
  const ratioOpen = baseOpen.ms / openMs
  process.stdout.write(`  ratio all dropped: engine is ${ratioDropped.toFixed(1)}× faster than the baseline (target ≥ 10×: ${ratioDropped >= 10 ? 'met' : 'MISSED'})\n`)
  process.stdout.write(`  ratio all open:    engine is ${ratioOpen.toFixed(1)}× faster than the baseline\n`)
} finally {
  await lab.close()
}
