/**
 * `wc-survey compare OLD.wcsurvey NEW.wcsurvey [--json]`: what changed between two surveys of a
 * site, location by location and requirement by requirement, both judged afresh with this
 * build's requirement profile.
 *
 * Exit 0 when nothing regressed, 1 when something regressed, 2 for bad input (a file that cannot
 * be read, a wrong command line). Nothing is ever written.
 */
import { loadSurveyFile } from '../../main/survey/survey-file'
import type { FindingResult, Verdict } from '../../shared/model/finding'
import { CHANGE_GLYPH, CHANGE_LABEL, comparisonSummaryLine, compareSurveys, formatDeltaDb, type ChangeKind, type SurveyComparison } from '../../shared/compare/compare-surveys'
import { PROFILE, PROFILE_ID, PROFILE_VERSION } from '../../shared/requirements'
import { processIo, type CheckIo } from './check'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey compare OLD.wcsurvey NEW.wcsurvey [--json]

Compares two surveys of a site (a re-survey and its origin, or any two): both are judged afresh
with requirement profile ${PROFILE_ID} ${PROFILE_VERSION}. Per location and requirement: fixed,
regressed, still failing, still passing, changed (to or from unknown), newly measured, no longer
measured; the target network's signal change in dB; the verdict change. Locations are matched by
identity when NEW is a re-survey of OLD's chain, else by name (case, spaces and dashes ignored);
the rest are listed as unmatched.

  --json   print { old: {path, verdict}, new: {path, verdict}, locations: [{ name, matchedBy,
           verdict: {old, new}, signalDeltaDb, changes: [{ requirement, old, new, kind }] }],
           unmatched: { old: [names], new: [names] }, summary: { fixed, regressed, stillFailing } }

Exit status: 0 nothing regressed; 1 something regressed; 2 bad input (nothing is written).
`

/** The JSON report (issue 12 item 5: exactly these keys). */
export interface CompareReport {
  readonly old: { readonly path: string; readonly verdict: Verdict }
  readonly new: { readonly path: string; readonly verdict: Verdict }
  readonly locations: readonly {
    readonly name: string
    readonly matchedBy: 'identity' | 'name'
    readonly verdict: { readonly old: Verdict; readonly new: Verdict }
    readonly signalDeltaDb: number | null
    readonly changes: readonly { readonly requirement: string; readonly old: FindingResult | null; readonly new: FindingResult | null; readonly kind: ChangeKind }[]
  }[]
  readonly unmatched: { readonly old: readonly string[]; readonly new: readonly string[] }
  readonly summary: { readonly fixed: number; readonly regressed: number; readonly stillFailing: number }
}

/** Builds the JSON report from a comparison. */
export function toCompareReport(c: SurveyComparison, oldPath: string, newPath: string): CompareReport {
  return {
    old: { path: oldPath, verdict: c.older.judgement.verdict },
    new: { path: newPath, verdict: c.newer.judgement.verdict },
    locations: c.locations.map((l) => ({
      name: l.name,
      matchedBy: l.matchedBy,
      verdict: { old: l.verdict.old, new: l.verdict.new },
      signalDeltaDb: l.signalDeltaDb,
      changes: l.changes.map((x) => ({ requirement: x.requirement, old: x.old, new: x.new, kind: x.kind }))
    })),
    unmatched: { old: [...c.unmatched.old], new: [...c.unmatched.new] },
    summary: { ...c.summary }
  }
}

const KIND_COLOR: Partial<Record<ChangeKind, string>> = { fixed: '32', regressed: '31', 'still-failing': '33', changed: '35' }

/** The readable report: summary first, then each location's changes (still-passing rows left out). */
export function toCompareText(c: SurveyComparison, oldPath: string, newPath: string, color: boolean): string {
  const s = terminalSafe
  const paint = (kind: ChangeKind, text: string): string => {
    const code = KIND_COLOR[kind]
    return color && code !== undefined ? `\u001b[${code}m${text}\u001b[0m` : text
  }
  const lines: string[] = [
    `Old: ${s(oldPath)} — ${s(c.older.survey.site.name)}, ${c.older.judgement.verdict}`,
    `New: ${s(newPath)} — ${s(c.newer.survey.site.name)}, ${c.newer.judgement.verdict}`,
    `Both judged with requirement profile ${PROFILE_ID} ${c.newer.judgement.profileVersion}; locations matched ${c.linked ? 'by identity (a re-survey chain), then by name' : 'by name'}.`
  ]
  for (const w of c.warnings) lines.push(`Warning: ${s(w)}`)
  lines.push('', s(comparisonSummaryLine(c)))
  for (const l of c.locations) {
    lines.push('')
    const renamed = l.oldName === l.name ? '' : ` (was ${s(l.oldName)})`
    const signal = l.signalDeltaDb === null ? '' : `, signal ${formatDeltaDb(l.signalDeltaDb)}`
    lines.push(`${s(l.name)}${renamed}: ${l.verdict.old} → ${l.verdict.new}${signal}`)
    const shown = l.changes.filter((x) => x.kind !== 'still-passing')
    if (shown.length === 0 && l.changes.length > 0) lines.push('  every requirement still passes')
    for (const x of shown) {
      lines.push(`  ${paint(x.kind, `${CHANGE_GLYPH[x.kind]} ${CHANGE_LABEL[x.kind]}`.padEnd(20))} ${x.requirement.padEnd(12)} ${x.old ?? '—'} → ${x.new ?? '—'}`)
    }
  }
  if (c.unmatched.old.length > 0) lines.push('', `Only in the old survey: ${c.unmatched.old.map(s).join('; ')}`)
  if (c.unmatched.new.length > 0) lines.push('', `Only in the new survey: ${c.unmatched.new.map(s).join('; ')}`)
  lines.push('')
  return lines.join('\n')
}

const OPTIONS = { json: { type: 'boolean', default: false } } as const

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): { oldPath: string; newPath: string; json: boolean } | string {
  const [oldPath, newPath, ...extra] = positionals
  if (oldPath === undefined || newPath === undefined || extra.length > 0) return `give exactly two survey files, the old one first (got ${positionals.length}).`
  return { oldPath, newPath, json: values.json }
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs the comparison; resolves to the exit code. */
export async function run(args: readonly string[], io: CheckIo = processIo): Promise<number> {
  const line = readCommandLine('compare', args, usage, parseOptions, io)
  if (!line.ok) return line.code
  const { oldPath, newPath, json } = line.options
  const [older, newer] = await Promise.all([loadSurveyFile(oldPath), loadSurveyFile(newPath)])
  // Both failures are reported, each message naming its file.
  const failed = [older, newer].flatMap((o) => (o.ok ? [] : [o.message]))
  if (!older.ok || !newer.ok) {
    for (const message of failed) io.err(`wc-survey compare: ${terminalSafe(message)}\n`)
    return 2
  }
  const c = compareSurveys(PROFILE, older.survey, newer.survey)
  if (json) io.out(`${jsonTerminalSafe(JSON.stringify(toCompareReport(c, oldPath, newPath), null, 2))}\n`)
  else io.out(toCompareText(c, oldPath, newPath, io.color))
  return c.summary.regressed > 0 ? 1 : 0
}
