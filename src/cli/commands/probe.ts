/**
 * `wc-survey probe [--json] [--timeout-ms N] [--target-ssid NAME]`: the Connectivity page's run in
 * a terminal. Exit 0 when every check passes, 1 otherwise, 2 on a usage error.
 */
import { systemProbeDeps } from '../../main/probe/handlers'
import { toJsonReport, toText } from '../../main/probe/present'
import { DEFAULT_TIMEOUT_MS, runProbe } from '../../main/probe/runner'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey probe [--json] [--timeout-ms N] [--target-ssid NAME]

Probes DNS (UDP 53), NTP (UDP 123), HTTP (TCP 80) and TLS (TCP 443) to every host the Wall
Connectors need (NET-DOMAINS), from this computer, on the network it is on now.

  --json            print the run as JSON ({ context, results, rules })
  --timeout-ms N    per-check timeout, 500–30000 ms (default ${DEFAULT_TIMEOUT_MS})
  --target-ssid S   warn when this computer is not on Wi-Fi network S

Exit status: 0 when every check passes, 1 when any fails or cannot run.
`

interface Options {
  json: boolean
  timeoutMs: number
  targetSsid: string | null
}

const OPTIONS = { json: { type: 'boolean', default: false }, 'timeout-ms': { type: 'string' }, 'target-ssid': { type: 'string' } } as const

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): Options | string {
  if (positionals[0] !== undefined) return `unexpected argument '${positionals[0]}'`
  const timeoutMs = values['timeout-ms'] === undefined ? DEFAULT_TIMEOUT_MS : Number(values['timeout-ms'])
  if (!Number.isInteger(timeoutMs) || timeoutMs < 500 || timeoutMs > 30000) return '--timeout-ms needs a whole number of milliseconds from 500 to 30000'
  return { json: values.json, timeoutMs, targetSsid: values['target-ssid'] ?? null }
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs the probe; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('probe', args, usage, parseOptions)
  if (!line.ok) return line.code
  const options = line.options
  const controller = new AbortController()
  const onInterrupt = () => controller.abort()
  process.once('SIGINT', onInterrupt)
  const tty = process.stderr.isTTY === true && !options.json
  try {
    const result = await runProbe(systemProbeDeps(process.platform), {
      timeoutMs: options.timeoutMs,
      targetSsid: options.targetSsid,
      signal: controller.signal,
      onProgress: (p) => {
        if (tty) process.stderr.write(`\rprobing… ${p.done}/${p.total}`)
      }
    })
    if (tty) process.stderr.write('\r\u001b[K')
    if (options.json) {
      process.stdout.write(`${JSON.stringify(toJsonReport(result), null, 2)}\n`)
    } else {
      const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
      process.stdout.write(toText(result, { color, width: process.stdout.columns ?? 160 }))
    }
    return result.results.every((r) => r.outcome === 'pass') ? 0 : 1
  } finally {
    process.removeListener('SIGINT', onInterrupt)
  }
}
