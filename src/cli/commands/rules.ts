/**
 * `wc-survey rules [--format table|csv|json|nftables|dnsmasq] [--survey FILE] [--interface NAME]`:
 * the IT handout — the chargers' firewall allowlist from the requirement profile, in a format IT
 * can paste. With --survey, what that survey's probe runs saw fail leads and the whole list follows.
 * Exit 0 when printed, 2 when the command line is wrong or the survey cannot be read.
 */
import { resolve } from 'node:path'
import { buildAllowlist } from '../../shared/requirements/allowlist'
import { renderHandout } from '../../shared/handout/formats'
import { DEFAULT_CHARGERS_INTERFACE, HANDOUT_FORMATS, interfaceNameProblem, type HandoutFormat } from '../../shared/handout/names'
import { loadSurveyFile } from '../../main/survey/survey-file'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey rules [--format table|csv|json|nftables|dnsmasq] [--survey FILE] [--interface NAME]

Prints the firewall allowlist the Wall Connectors need (NET-DNS, NET-NTP, NET-HTTP, NET-TLS,
NET-DOMAINS), from the requirement profile, for the site's IT.

  --format F        table (default), csv, json; nftables (a default-deny ruleset for the
                    chargers' interface, with address sets) and dnsmasq (the nftset= lines that
                    fill those sets: wildcards included) for Linux / OpenWrt
  --survey FILE     a .wcsurvey file: lead with what its probe runs saw fail, then the whole list
  --interface NAME  the chargers' network interface in the nftables ruleset (default ${DEFAULT_CHARGERS_INTERFACE})

Exit status: 0 printed; 2 bad arguments or unreadable survey.
`

export interface RulesArgs {
  readonly format: HandoutFormat
  readonly survey: string | null
  readonly chargersInterface: string
}

function isFormat(value: string): value is HandoutFormat {
  // Cast: widens the tuple of literals so `includes` accepts any string.
  return (HANDOUT_FORMATS as readonly string[]).includes(value)
}

/** `rules`' options from the parsed command line; a string is the usage error to print. */
const OPTIONS = { format: { type: 'string' }, survey: { type: 'string' }, interface: { type: 'string' } } as const

function toRulesArgs({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): RulesArgs | string {
  if (positionals[0] !== undefined) return `unexpected argument '${positionals[0]}'`
  const format = values.format ?? 'table'
  if (!isFormat(format)) return `--format must be one of ${HANDOUT_FORMATS.join(', ')} (got ${format}).`
  const chargersInterface = values.interface ?? DEFAULT_CHARGERS_INTERFACE
  const problem = interfaceNameProblem(chargersInterface)
  if (problem !== null) return `--interface: ${problem}`
  if (values.survey === '') return '--survey needs a file name.'
  return { format, survey: values.survey ?? null, chargersInterface }
}

/** Parses `rules` arguments: 'help', the usage error to print, or the arguments. */
export const parseRulesArgs = commandLineParser(OPTIONS, toRulesArgs)

/** Runs `wc-survey rules`; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('rules', args, usage, parseRulesArgs)
  if (!line.ok) return line.code
  const parsed = line.options
  let survey = null
  if (parsed.survey !== null) {
    const opened = await loadSurveyFile(resolve(parsed.survey))
    if (!opened.ok) {
      process.stderr.write(`wc-survey rules: ${terminalSafe(opened.message)}\n`)
      return 2
    }
    survey = opened.survey
  }
  const text = renderHandout(buildAllowlist(survey), parsed.format, { chargersInterface: parsed.chargersInterface })
  // Site and location names are survey text and reach the table and the JSON only: their control
  // characters are made visible before printing. CSV, nftables and dnsmasq hold profile data only.
  const safe = parsed.format === 'json' ? jsonTerminalSafe(text) : parsed.format === 'table' ? text.split('\n').map(terminalSafe).join('\n') : text
  process.stdout.write(safe)
  return 0
}
