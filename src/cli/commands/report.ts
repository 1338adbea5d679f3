/**
 * `wc-survey report FILE.wcsurvey -o report.pdf [--paper A4|Letter]`: the survey's PDF report,
 * printed by the installed Chrome/Chromium through the same pipeline as the app's Export PDF.
 * `--evidence LOCATION -o card.png` makes one location's SITE-PHONE evidence image instead.
 *
 * The survey file is only read (through the survey service, so a corrupt or newer file gets the
 * same clear message as in the app) and never written. The surveying company comes from the data
 * folder's settings through main's store, as in the app (`--no-company` leaves it out). Exit 0 when
 * the file was written, 1 when the export failed, 2 when the command line is wrong or the survey
 * cannot be read.
 */
import { realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReportProgress } from '../../shared/contract'
import type { Company } from '../../shared/model/company'
import type { Survey } from '../../shared/model/survey'
import { exportEvidence, exportPdf, type ExportContext } from '../../main/report/export-report'
import { withHandoutFiles } from '../../main/report/handout-files'
import { readCompany } from '../../main/settings/company-store'
import { defaultDataDir } from '../../main/survey/data-dir'
import { loadSurveyFile } from '../../main/survey/survey-file'
import { terminalSafe } from '../../shared/text/terminal-safe'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'
import { findProjectRoot } from './serve'

const usage = `Usage: wc-survey report FILE.wcsurvey -o OUT.pdf [--paper A4|Letter] [--compare OLD.wcsurvey] [--handout-files] [--full-appendix] [--no-company]
       wc-survey report FILE.wcsurvey --evidence LOCATION -o OUT.png

Exports a saved survey as a PDF report (cover with the verdict, summary, one page per location,
remediation checklist, appendix), printed with the installed Chrome or Chromium.
  -o, --output PATH    where to write (required)
  --paper A4|Letter    paper size (default A4)
  --compare OLD        add a "Changes since <date of OLD>" page: what was fixed, what regressed
                       and what still fails since an earlier survey of the site
  --handout-files      also save the IT handout beside the PDF: OUT-firewall.nft, OUT-dnsmasq.conf,
                       OUT-it-handout.csv/.json/.txt (what \`wc-survey rules --survey\` prints)
  --full-appendix      every BSS seen in the raw-scan appendix (default: the chargers' network
                       and the access points the findings name)
  --no-company         leave out the surveying company (name, contact, logo on the cover and
                       in every page's footer) that the app's Settings keep in the data folder
  --evidence LOCATION  instead of the report, the SITE-PHONE evidence image (PNG) of one
                       location, given by its ID or its exact name
  --quiet              no progress lines
Set WC_SURVEY_CHROMIUM to the browser to use when it is not in a standard place; the company
comes from the data folder (WC_SURVEY_DATA_DIR overrides where that is), as in the app.

Exit status: 0 written; 1 export failed (nothing written) or an IT handout file could not be saved;
2 bad arguments or unreadable survey.
`

/** Parsed command line. */
export interface ReportArgs {
  readonly file: string
  readonly output: string
  readonly paper: 'A4' | 'Letter'
  readonly evidence: string | null
  /** An earlier survey to compare with ("Changes since"). */
  readonly compare: string | null
  readonly quiet: boolean
  /** Also save the IT handout files beside the PDF. */
  readonly handoutFiles: boolean
  /** Every BSS seen in the raw-scan appendix, not only those that matter. */
  readonly fullAppendix: boolean
  /** Leave the surveying company (main's setting) off the report. */
  readonly noCompany: boolean
}

/** `report`'s options from the parsed command line; a string is the usage error to print. */
const OPTIONS = {
  output: { type: 'string', short: 'o' },
  paper: { type: 'string', default: 'A4' },
  evidence: { type: 'string' },
  compare: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'handout-files': { type: 'boolean', default: false },
  'full-appendix': { type: 'boolean', default: false },
  'no-company': { type: 'boolean', default: false }
} as const

function toReportArgs({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): ReportArgs | string {
  const [file, extra] = positionals
  if (file === undefined) return 'give the survey file to export.'
  if (extra !== undefined) return `one survey file at a time (got ${file} and ${extra}).`
  const { output, quiet } = values
  const evidence = values.evidence ?? null
  const compare = values.compare ?? null
  const handoutFiles = values['handout-files']
  const fullAppendix = values['full-appendix']
  const noCompany = values['no-company']
  if (output === undefined) return 'give the file to write with -o (e.g. -o report.pdf).'
  if (output === '') return '-o needs a file name.'
  const paper = values.paper.toLowerCase() === 'a4' ? 'A4' : values.paper.toLowerCase() === 'letter' ? 'Letter' : null
  if (paper === null) return `--paper must be A4 or Letter (got ${values.paper}).`
  if (evidence === '') return '--evidence needs a location ID or name.'
  if (compare === '') return '--compare needs the earlier survey file.'
  if (compare !== null && evidence !== null) return '--compare is for the PDF report, not the --evidence image.'
  if (handoutFiles && evidence !== null) return '--handout-files goes with the PDF report, not the --evidence image.'
  if (fullAppendix && evidence !== null) return '--full-appendix goes with the PDF report, not the --evidence image.'
  if (noCompany && evidence !== null) return '--no-company goes with the PDF report, not the --evidence image (which has no company).'
  return { file, output, paper, evidence, compare, quiet, handoutFiles, fullAppendix, noCompany }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p)
    } catch {
      return resolve(p)
    }
  }
  return real(a) === real(b)
}

/** The location an `--evidence` argument names: its ID, else its exact name. */
export function findLocation(survey: Survey, wanted: string): Survey['locations'][number] | null {
  return survey.locations.find((l) => l.id === wanted) ?? survey.locations.find((l) => l.name === wanted) ?? null
}

const parseOptions = commandLineParser(OPTIONS, toReportArgs)

/**
 * The surveying company the app's Settings keep in the data folder (the same store and folder as
 * the app); a file that cannot be used is said on stderr and the report is made without it.
 */
async function settingsCompany(): Promise<Company> {
  const { company, problem } = await readCompany(defaultDataDir(process.platform, process.env, homedir()))
  if (problem !== null) process.stderr.write(`wc-survey report: the company is left out: ${terminalSafe(problem)}\n`)
  return company
}

/** Runs `wc-survey report`; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('report', args, usage, parseOptions)
  if (!line.ok) return line.code
  const parsed = line.options
  const output = resolve(parsed.output)
  for (const input of [parsed.file, parsed.compare]) {
    if (input !== null && samePath(input, output)) {
      process.stderr.write(`wc-survey report: ${terminalSafe(output)} is a survey file; the report is never written over a survey. Choose another -o.\n`)
      return 2
    }
  }
  const opened = await loadSurveyFile(resolve(parsed.file))
  if (!opened.ok) {
    process.stderr.write(`wc-survey report: ${terminalSafe(opened.message)}\n`)
    return 2
  }
  const survey = opened.survey
  let previous = null
  if (parsed.compare !== null) {
    const earlier = await loadSurveyFile(resolve(parsed.compare))
    if (!earlier.ok) {
      process.stderr.write(`wc-survey report: the survey to compare with: ${terminalSafe(earlier.message)}\n`)
      return 2
    }
    previous = earlier.survey
  }
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)))
  const context: ExportContext = {
    rendererDir: join(root, 'out', 'renderer'),
    env: process.env,
    platform: process.platform,
    // The CLI always passes its -o path.
    exportsFolder: null,
    desktop: null,
    progress: (p: ReportProgress) => {
      if (!parsed.quiet && p.stage !== 'failed') process.stderr.write(`[${p.done}/${p.total}] ${p.message}\n`)
    }
  }

  let outcome
  if (parsed.evidence !== null) {
    const location = findLocation(survey, parsed.evidence)
    if (location === null) {
      // Location names are survey text: made terminal-safe before printing.
      const names = survey.locations.map((l) => terminalSafe(`${l.id} (${l.name})`)).join(', ')
      process.stderr.write(`wc-survey report: the survey has no location ${terminalSafe(parsed.evidence)}. Its locations: ${names || 'none'}.\n`)
      return 2
    }
    outcome = await exportEvidence({ survey, locationId: location.id, path: output }, context)
  } else {
    const company = parsed.noCompany ? null : await settingsCompany()
    outcome = await exportPdf({ survey, paper: parsed.paper, previous, path: output, fullAppendix: parsed.fullAppendix, company }, context)
    if (parsed.handoutFiles) outcome = await withHandoutFiles(outcome, survey)
  }
  if (!outcome.ok) {
    process.stderr.write(`wc-survey report: ${outcome.message}\n`)
    return 1
  }
  process.stdout.write(`${[outcome.path, ...(outcome.files ?? [])].join('\n')}\n`)
  if (outcome.filesError !== undefined) {
    process.stderr.write(`wc-survey report: ${outcome.filesError}\n`)
    return 1
  }
  return 0
}
