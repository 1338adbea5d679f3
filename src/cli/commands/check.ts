/**
 * `wc-survey check FILE.wcsurvey [--json]`: judges every location of a saved survey against the
 * Wall Connector requirements and prints the verdicts and findings.
 *
 * Each location's latest measurement is re-judged with the current requirement profile (from its
 * stored observations and probe run), so the answer is the same as the app's compliance page.
 * Exit 0 when the survey is ready or ready with warnings, 1 when not ready or incomplete, 2 when
 * the file cannot be read or the command line is wrong.
 */
import { loadSurveyFile } from '../../main/survey/survey-file'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'
import { basename } from 'node:path'
import { locationWhere } from '../../shared/map/geometry'
import { planProblems } from '../../shared/map/plan-image'
import type { Finding, Verdict } from '../../shared/model/finding'
import type { Survey } from '../../shared/model/survey'
import { VERDICT_LABEL } from '../../shared/requirements/labels'
import { formatDateTime } from '../../shared/text/date-time'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'
import { judgeSurvey, PROFILE, PROFILE_ID, PROFILE_VERSION, type SurveyJudgement } from '../../shared/requirements'

const usage = `Usage: wc-survey check FILE.wcsurvey [--json]

Judges every location of a saved survey against the Wall Connector network requirements
(profile ${PROFILE_ID} ${PROFILE_VERSION}): each location's latest measurement is re-judged
with this profile. Every finding names its requirement ID.

  --json   print { verdict, reason, locations: [{ name, level, position, verdict, reason,
           findings: [{ requirement, result, evidence, explanation, remediation }] }] }
           (level: the level's name or null; position: { x, y } in metres from the plan's
           top-left corner, null when the location is not pinned or its plan has no scale)

Exit status: 0 ready or ready with warnings; 1 not ready or incomplete; 2 unreadable file.
`

/** Where the command writes; tests capture it. */
export interface CheckIo {
  out(text: string): void
  err(text: string): void
  /** Colour the text report (a terminal that is not NO_COLOR). */
  readonly color: boolean
}

/** The process's stdout and stderr, coloured when stdout is a terminal and NO_COLOR is unset. */
export const processIo: CheckIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  get color() {
    return process.stdout.isTTY === true && process.env.NO_COLOR === undefined
  }
}

/** The JSON shape of the report (issue 4, item 7: exactly these keys; the text report names the profile). */
export interface CheckReport {
  readonly verdict: Verdict
  readonly reason: string
  readonly locations: readonly {
    readonly name: string
    /** The location's level (survey map), null when unplaced. */
    readonly level: string | null
    /** Metres from the plan's top-left corner; null when not pinned or the plan has no scale. */
    readonly position: { readonly x: number; readonly y: number } | null
    readonly verdict: Verdict
    readonly reason: string
    readonly findings: readonly Pick<Finding, 'requirement' | 'result' | 'evidence' | 'explanation' | 'remediation'>[]
  }[]
}

/** Positions to the centimetre: a pin is placed by hand, more digits would be noise. */
function centimetres(p: { readonly x: number; readonly y: number } | null): { x: number; y: number } | null {
  return p === null ? null : { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }
}

/** Builds the JSON report from a judged survey. */
export function toReport(survey: Survey, j: SurveyJudgement): CheckReport {
  return {
    verdict: j.verdict,
    reason: j.reason,
    locations: j.locations.map((l) => ({
      name: l.location.name,
      level: locationWhere(survey, l.location).level,
      position: centimetres(locationWhere(survey, l.location).position),
      verdict: l.verdict.verdict,
      reason: l.verdict.reason,
      findings: (l.findings ?? []).map((f) => ({ requirement: f.requirement, result: f.result, evidence: f.evidence, explanation: f.explanation, remediation: f.remediation }))
    }))
  }
}

const RESULT_TEXT: Record<Finding['result'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', unknown: 'UNKNOWN' }
const COLOR: Record<Verdict | Finding['result'], string> = {
  ready: '32',
  'ready-with-warnings': '33',
  'not-ready': '31',
  incomplete: '35',
  pass: '32',
  warn: '33',
  fail: '31',
  unknown: '35'
}

/** Renders the readable report: survey verdict first, then each location and its findings. */
export function toText(survey: Survey, j: SurveyJudgement, color: boolean): string {
  const paint = (key: Verdict | Finding['result'], text: string): string => (color ? `\u001b[${COLOR[key]}m${text}\u001b[0m` : text)
  const s = terminalSafe
  const lines: string[] = []
  lines.push(`${s(survey.site.name)} — target network "${s(survey.targetSsid)}", ${survey.site.billingMode === 'billed' ? 'billed charging (internet required)' : 'free charging'}`)
  const recorded = survey.profile.version === j.profileVersion ? '' : `; the file was judged with ${s(survey.profile.version)}`
  lines.push(`Judged with requirement profile ${PROFILE_ID} ${j.profileVersion}, re-evaluated from each location's latest measurement${recorded}.`)
  lines.push('')
  lines.push(`${paint(j.verdict, VERDICT_LABEL[j.verdict].toUpperCase())} — ${s(j.reason)}`)
  for (const l of j.locations) {
    lines.push('')
    const when = l.measurement === null ? 'not measured' : `measured ${formatDateTime(l.measurement.takenAt)}`
    lines.push(`${s(l.location.name)} (${when}): ${paint(l.verdict.verdict, VERDICT_LABEL[l.verdict.verdict].toUpperCase())} — ${s(l.verdict.reason)}`)
    for (const f of l.findings ?? []) {
      const tag = paint(f.result, RESULT_TEXT[f.result].padEnd(7))
      lines.push(`  ${tag} ${f.requirement.padEnd(12)} ${s(f.explanation)}`)
      if (f.result === 'pass') continue
      lines.push(`          ${''.padEnd(12)} evidence: ${s(f.evidence)}`)
      if (f.remediation) lines.push(`          ${''.padEnd(12)} fix: ${s(f.remediation)}`)
    }
  }
  lines.push('')
  return lines.join('\n')
}

const OPTIONS = { json: { type: 'boolean', default: false } } as const

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): { path: string; json: boolean } | string {
  const [path, extra] = positionals
  if (path === undefined) return 'name the survey file to check'
  if (extra !== undefined) return 'check one survey file at a time'
  return { path, json: values.json }
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs the check; resolves to the exit code. */
export async function run(args: readonly string[], io: CheckIo = processIo): Promise<number> {
  const line = readCommandLine('check', args, usage, parseOptions, io)
  if (!line.ok) return line.code
  const { path, json } = line.options
  const loaded = await loadSurveyFile(path)
  if (!loaded.ok) {
    io.err(`wc-survey check: ${terminalSafe(loaded.message)}\n`)
    return 2
  }
  // A damaged plan costs the map only: say which, judge everything else.
  for (const problem of planProblems(loaded.survey)) io.err(`wc-survey check: ${terminalSafe(basename(path))}: ${terminalSafe(problem.message)}\n`)
  const judged = judgeSurvey(PROFILE, loaded.survey)
  if (json) io.out(`${jsonTerminalSafe(JSON.stringify(toReport(loaded.survey, judged), null, 2))}\n`)
  else io.out(toText(loaded.survey, judged, io.color))
  return judged.verdict === 'ready' || judged.verdict === 'ready-with-warnings' ? 0 : 1
}
