/**
 * `wc-survey probe [--json] [--timeout-ms N] [--target-ssid NAME]`: the Connectivity page's run in
 * a terminal. Exit 0 when every check passes, 1 otherwise, 2 on a usage error.
 */
import { systemProbeDeps } from '../../main/probe/handlers'
import { toJsonReport, toText } from '../../main/probe/present'
import { DEFAULT_TIMEOUT_MS, runProbe } from '../../main/probe/runner'
import { readCommandLine } from '../command-line'

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

function parse(args: readonly string[]): Options | string {
  const options: Options = { json: false, timeoutMs: DEFAULT_TIMEOUT_MS, targetSsid: null }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--json') options.json = true
    else if (arg === '--timeout-ms') {
      const value = Number(args[++i])
      if (!Number.isInteger(value) || value < 500 || value > 30000) return '--timeout-ms needs a whole number of milliseconds from 500 to 30000'
      options.timeoutMs = value
    } else if (arg === '--target-ssid') {
      const value = args[++i]
      if (value === undefined) return '--target-ssid needs a network name'
      options.targetSsid = value
    } else return `unknown option '${arg ?? ''}'`
  }
  return options
}

/** Runs the probe; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('probe', args, usage, parse)
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
