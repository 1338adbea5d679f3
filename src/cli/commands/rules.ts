/**
 * `wc-survey rules [--format table|csv|json|nftables|dnsmasq] [--survey FILE] [--interface NAME]`:
 * the IT handout — the chargers' firewall allowlist from the requirement profile, in a format IT
 * can paste. With --survey, what that survey's probe runs saw fail leads and the whole list follows.
 * Exit 0 when printed, 2 when the command line is wrong or the survey cannot be read.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAllowlist } from '../../shared/requirements/allowlist'
import { renderHandout } from '../../shared/handout/formats'
import { DEFAULT_CHARGERS_INTERFACE, HANDOUT_FORMATS, interfaceNameProblem, type HandoutFormat } from '../../shared/handout/names'
import { loadSurveyFile } from '../../main/survey/survey-file'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'

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

/** Parses `rules` arguments; a string is the error to print. */
export function parseRulesArgs(args: readonly string[]): RulesArgs | 'help' | string {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        format: { type: 'string' },
        survey: { type: 'string' },
        interface: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    })
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  const { values } = parsed
  if (values.help === true) return 'help'
  const format = values.format ?? 'table'
  if (!isFormat(format)) return `--format must be one of ${HANDOUT_FORMATS.join(', ')} (got ${format}).`
  const chargersInterface = values.interface ?? DEFAULT_CHARGERS_INTERFACE
  const problem = interfaceNameProblem(chargersInterface)
  if (problem !== null) return `--interface: ${problem}`
  if (values.survey === '') return '--survey needs a file name.'
  return { format, survey: values.survey ?? null, chargersInterface }
}

/** Runs `wc-survey rules`; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseRulesArgs(args)
  if (parsed === 'help') {
    process.stdout.write(usage)
    return 0
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`wc-survey rules: ${terminalSafe(parsed)}\n\n${usage}`)
    return 2
  }
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
