/**
 * `wc-survey` command line: the same services as the app, headless.
 */
import { terminalSafe } from '../shared/text/terminal-safe'
import { run as parse } from './commands/parse'
import { run as probe } from './commands/probe'
import { run as check } from './commands/check'
import { run as compare } from './commands/compare'
import { run as report } from './commands/report'
import { run as rules } from './commands/rules'
import { run as serve } from './commands/serve'
import { run as charger } from './commands/charger'
import { run as watch } from './commands/watch'

const commands: Record<string, { run: (args: readonly string[]) => Promise<number>; summary: string }> = {
  parse: { run: parse, summary: 'parse a saved scanner output (iw, nmcli, netsh, system_profiler, airport, wdutil)' },
  probe: { run: probe, summary: 'probe DNS, NTP, HTTP and TLS to every host the chargers need' },
  watch: { run: watch, summary: 'watch one network for minutes to hours: drops, roams, failed checks (WIFI-STABLE)' },
  check: { run: check, summary: 'judge a .wcsurvey file against the Wall Connector requirements' },
  compare: { run: compare, summary: 'what changed between two surveys of a site (exit 1 when something regressed)' },
  report: { run: report, summary: 'export a .wcsurvey file as a PDF report' },
  rules: { run: rules, summary: 'print the firewall allowlist for IT (table, CSV, JSON, nftables, dnsmasq)' },
  charger: { run: charger, summary: 'read an installed Wall Connector\'s own view of the network (WC-ONLINE, WC-NETWORK, WC-SIGNAL)' },
  serve: { run: serve, summary: 'serve the app to a browser on 127.0.0.1 (browser mode)' }
}

const usage = `Usage: wc-survey <command> [options]\n\n${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}\n\nRun \`wc-survey <command> --help\` for a command's options.\n`

/** Runs one command; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage)
    return name === undefined ? 2 : 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`wc-survey: unknown command '${terminalSafe(name)}'.\n\n${usage}`)
    return 2
  }
  return command.run(rest)
}
