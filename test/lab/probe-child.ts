/**
 * Runs the probe engine once with the REAL default plan and prints the run as JSON; the lab runs
 * it inside the client namespace (`ip netns exec … node --import tsx probe-child.ts`), where
 * /etc/resolv.conf is the lab's and NODE_EXTRA_CA_CERTS names the lab CA.
 * Usage: probe-child.ts [--timeout-ms N]
 */
import { runProbe } from '../../src/main/probe/runner'
import { systemProbeDeps } from '../../src/main/probe/handlers'

const at = process.argv.indexOf('--timeout-ms')
const timeoutMs = at > 0 ? Number(process.argv[at + 1]) : undefined
const started = performance.now()
const run = await runProbe(systemProbeDeps(process.platform), { timeoutMs })
process.stdout.write(`${JSON.stringify({ ...run, elapsedMs: Math.round(performance.now() - started) })}\n`)
