/**
 * THE contract between the renderer and the Node services: every request and every event, with
 * its argument schema (validated at runtime by main) and its result type.
 *
 * Three implementations use these maps: the Electron preload (IPC), the browser client (HTTP +
 * server-sent events to main/web) and test fakes. Expected failures are values (`ok: false`),
 * never thrown: Electron passes only an error's message across IPC.
 */
import { z } from 'zod'
// The names (zod-free, for the preload) live in contract-names.ts; re-exported for everyone else.
export { API_GLOBAL, eventNames, requestNames } from './contract-names'
import type { ChargerReading, DiscoveredCharger } from './model/charger'
import type { Observation } from './model/observation'
import type { ProbeContext, ProbeResult, ProbeRun } from './model/probe'
import type { WatchRecord } from './model/watch'
import { surveySchema, billingModeSchema, type Survey, type SurveySummary } from './model/survey'
import { HANDOUT_FORMATS, interfaceNameProblem } from './handout/names'
import { PHOTO_LIMITS, type Photo } from './model/photo'
import { COMPANY_LOGO_LIMITS, companySchema, type Company, type CompanyLogo } from './model/company'

/** An expected failure, with a reason code for the UI and a message that names what to do. */
export interface Failure<R extends string> {
  readonly ok: false
  readonly reason: R
  /** One or two sentences for a technician: what happened, to which file, what to do. */
  readonly message: string
}

export interface AppInfo {
  readonly version: string
  readonly mode: 'electron' | 'browser'
  readonly platform: string
  /** Where surveys are saved by default (the OS per-user data folder). */
  readonly surveysFolder: string
  /** Human name of the scanner in use, e.g. "Linux (nmcli + iw)" or "Replay (demo)". */
  readonly scanner: string
  /** True in Electron: native file dialogs exist. Browser mode asks for a file name in main's folders instead. */
  readonly nativeDialogs: boolean
  /** Where browser mode saves exports (PDF, PNG); Electron asks with a save dialog. */
  readonly exportsFolder: string
}

export type OpenFailureReason =
  | 'not-found'
  | 'corrupt'
  /** A text longer than its limit (TEXT_LIMITS): the field, its length and the limit are named. */
  | 'too-long'
  | 'newer-version'
  | 'not-a-survey'
  | 'unreadable'
  | 'cancelled'
export type OpenOutcome =
  | {
      readonly ok: true
      readonly path: string
      readonly survey: Survey
      /** Schema version the file had before it was migrated in memory; null when current. */
      readonly migratedFrom: number | null
    }
  | Failure<OpenFailureReason>

/**
 * A survey opened through a request: the file's outcome plus the opaque handle main issued for it.
 * The renderer saves through the handle; `path` is for display only.
 */
export type SurveyOpenOutcome =
  | (Extract<OpenOutcome, { readonly ok: true }> & {
      readonly handle: string
      /** False in browser mode for a file outside the surveys folder: it opens for review; Save As makes an editable copy. */
      readonly writable: boolean
    })
  | Extract<OpenOutcome, { readonly ok: false }>

/** `not-allowed`: a destination main refuses (another folder, a link, another extension). */
/** `changed-on-disk`: another program changed the file since this app opened or last saved it; nothing was written. */
export type SaveFailureReason = 'read-only' | 'disk-full' | 'not-found' | 'failed' | 'cancelled' | 'not-allowed' | 'changed-on-disk'
export type SaveOutcome =
  | { readonly ok: true; readonly path: string; readonly savedAt: string }
  | Failure<SaveFailureReason>
/** Save As: the new file's handle, which later saves go to. */
export type SaveAsOutcome = (Extract<SaveOutcome, { readonly ok: true }> & { readonly handle: string }) | Extract<SaveOutcome, { readonly ok: false }>

/** A library row or a recent file: what to show, and the handle to open it with. */
export interface SurveyEntry {
  readonly handle: string
  /** Display only. */
  readonly path: string
}
export type LibraryEntry = SurveySummary & SurveyEntry

export type ScanErrorReason =
  | 'no-adapter'
  | 'tool-missing'
  | 'permission-denied'
  | 'location-denied'
  | 'malformed'
  | 'busy'
  | 'failed'
export interface ScanError {
  readonly reason: ScanErrorReason
  readonly message: string
  /** Steps to fix it (install a package, allow location for desktop apps, …). */
  readonly help: readonly string[]
}

export type ScanSessionOutcome =
  | { readonly ok: true; readonly sessionId: string; readonly intervalMs: number }
  | Failure<ScanErrorReason>

export interface ScanSample {
  readonly sessionId: string
  /** ISO time the scan finished. */
  readonly at: string
  readonly observations: readonly Observation[]
  /** Unparseable blocks skipped in this scan. */
  readonly skipped: number
  readonly warnings: readonly string[]
}

export interface ScanStatus {
  readonly sessionId: string
  readonly state: 'scanning' | 'waiting' | 'stopped' | 'error'
  readonly error: ScanError | null
}

export type SnapshotOutcome =
  | {
      readonly ok: true
      readonly scanCount: number
      readonly observations: readonly Observation[]
      readonly skipped: number
      readonly warnings: readonly string[]
    }
  | (Failure<ScanErrorReason | 'cancelled'> & {
      /** Steps to fix it, as in ScanError (install a package, allow Location, …); may be empty. */
      readonly help?: readonly string[]
    })

export interface ScanProgress {
  readonly done: number
  readonly total: number
}

export type ProbeRunOutcome = { readonly ok: true; readonly run: ProbeRun } | Failure<'busy' | 'failed'>

export interface ProbeProgress {
  readonly runId: string
  readonly context: ProbeContext | null
  readonly result: ProbeResult | null
  readonly done: number
  readonly total: number
}

/** URL path under which browser mode serves the exports folder's files for download (`/api/exports/<name>`). */
export const EXPORTS_URL_PREFIX = '/api/exports/'

export type ExportOutcome =
  | {
      readonly ok: true
      readonly path: string
      /** Browser mode: the same-origin URL path main serves the file from (`/api/exports/<name>`); null in Electron and the CLI. */
      readonly download: string | null
      /** The IT handout files saved beside the PDF, when asked for (`handoutFiles`). */
      readonly files?: readonly string[]
      /** Why some handout files could not be saved (the PDF itself was). */
      readonly filesError?: string
    }
  | Failure<'no-chromium' | 'not-writable' | 'disk-full' | 'cancelled' | 'failed' | 'not-allowed'>

/** How a report export (PDF or evidence image) is getting on; pushed while it runs. */
export interface ReportProgress {
  readonly kind: 'pdf' | 'evidence'
  readonly stage: 'starting' | 'rendering' | 'printing' | 'saving' | 'done' | 'failed'
  /** Steps done of `total` (stages, not pages: Chromium prints in one call). */
  readonly done: number
  readonly total: number
  /** One line for the UI, e.g. "Starting Chromium…". */
  readonly message: string
}

export interface AppCommand {
  readonly command: 'new-survey' | 'open' | 'open-handle' | 'save-as' | 'about' | 'library'
  /** For 'open-handle' (Open Recent, file association, second instance): the handle main issued. */
  readonly handle: string | null
}

/** Reading one installed charger (main/charger): a reading, or why nothing was sent. */
export type ChargerReadOutcome =
  | { readonly ok: true; readonly reading: ChargerReading }
  | (Failure<'invalid-target' | 'needs-confirmation' | 'forbidden-address'> & {
      /** The address that needs the user's confirmation (needs-confirmation), else null. */
      readonly address: string | null
    })

export type ChargerDiscoveryOutcome =
  | {
      readonly ok: true
      readonly chargers: readonly DiscoveredCharger[]
      /** Why the link could not be asked (no network, port in use); null when it was. */
      readonly error: string | null
      readonly cancelled: boolean
    }
  | Failure<'busy'>

/** Discovery under way: pushed about every 250 ms and whenever a charger is heard. */
export interface ChargerDiscoveryProgress {
  readonly elapsedMs: number
  readonly totalMs: number
  readonly found: readonly DiscoveredCharger[]
}

export const chargerReadOptionsSchema = z.strictObject({
  /** HOST[:PORT] as the user typed it; main parses and checks it. */
  host: z.string().min(1).max(300),
  /** The user confirmed reading a charger at a public address. */
  allowPublic: z.boolean().default(false)
})
export const chargerDiscoverOptionsSchema = z.strictObject({ timeoutMs: z.number().int().min(1000).max(30000) })

const pathArg = z.string().min(1).max(4096)
const idArg = z.string().min(1).max(64)
/** An opaque survey handle main issued (main/survey/handles.ts): 128 random bits, base64url. */
const handleArg = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a survey handle issued by this app')
/**
 * A file name (no folder) for browser mode's destinations in main's folders; Electron ignores it
 * and asks with its save dialog. Main checks it (main/survey/confined-path.ts).
 */
const fileNameArg = z.string().min(1).max(255)

export const newSurveyInputSchema = z.object({
  siteName: z.string().min(1).max(200),
  address: z.string().max(500).default(''),
  customer: z.string().max(200).default(''),
  technician: z.string().max(200).default(''),
  billingMode: billingModeSchema,
  targetSsid: z.string().max(256).default(''),
  notes: z.string().max(20000).default('')
})
export type NewSurveyInput = z.input<typeof newSurveyInputSchema>

export const scanOptionsSchema = z.object({
  /** Scan interval; the scanner never goes below 2000 ms (OS scans take ~2–4 s). */
  intervalMs: z.number().int().min(2000).max(600000).optional()
})
export const snapshotOptionsSchema = z.object({ scans: z.number().int().min(1).max(10) })
export const watchOptionsSchema = z.object({
  /** 5 min to 12 h. */
  durationMs: z.number().int().min(5 * 60_000).max(12 * 3_600_000),
  /** Light connectivity check period; 0: no checks. */
  checkEveryMs: z.union([z.literal(0), z.number().int().min(5000).max(3_600_000)]),
  /** Go on with this interrupted watch of the location (after a crash) instead of a new one. */
  resumeId: z.string().min(1).max(64).optional()
})

/** A watch main is running, as `watch:list` and `watch:update` name it. */
export interface LiveWatch {
  readonly watchId: string
  /** The handle of the survey file the watch writes into, and the location watched. */
  readonly handle: string
  readonly locationId: string
}

export type WatchStartOutcome = { readonly ok: true; readonly watchId: string } | Failure<'busy' | 'not-found' | 'unreadable' | 'no-target' | 'unknown-handle'>

/** A watch's newest record, pushed after every scan, check and state change. */
export interface WatchUpdate extends LiveWatch {
  readonly record: WatchRecord
  /** The last scan failed (no adapter, …); null when it worked. */
  readonly scanError: ScanError | null
  /** The last write of the survey file failed: samples are kept in memory and retried. */
  readonly saveError: string | null
}

export const probeOptionsSchema = z.object({
  timeoutMs: z.number().int().min(500).max(30000).optional(),
  targetSsid: z.string().max(256).optional()
})
// Strict: a `path` (or any other key) from the renderer is refused, never silently ignored.
export const exportPdfOptionsSchema = z.strictObject({
  survey: surveySchema,
  paper: z.enum(['A4', 'Letter']),
  /** An earlier survey of the site: the report gets a "Changes since <its date>" page. */
  previous: surveySchema.nullable().optional(),
  /** Browser mode: file name in the exports folder (default: a name from the site and date). */
  fileName: fileNameArg.optional(),
  /** Also save the IT handout files (nftables, dnsmasq, CSV, JSON, text) beside the PDF. */
  handoutFiles: z.boolean().optional(),
  /** Every BSS seen in the raw-scan appendix (default: the chargers' network and the BSSes the findings name). */
  fullAppendix: z.boolean().optional()
})
export const exportEvidenceOptionsSchema = z.strictObject({
  survey: surveySchema,
  locationId: idArg,
  fileName: fileNameArg.optional()
})

/** One IT handout file to save: main picks the destination (save dialog, or the exports folder). */
export const handoutSaveOptionsSchema = z.strictObject({
  /** The survey whose failures lead the handout; null for the profile's whole list alone. */
  survey: surveySchema.nullable(),
  format: z.enum(HANDOUT_FORMATS),
  chargersInterface: z.string().max(15).refine((name) => interfaceNameProblem(name) === null, { message: 'not an interface name' })
})

/**
 * A picked file's bytes for main to check, as base64 (JSON carries no bytes): a file over
 * `maxBytes` is refused by its length before anything is decoded. `what` names it in the refusal.
 */
function pickedFileSchema(maxBytes: number, what: string) {
  return z.strictObject({
    /** For messages only: main writes no file. */
    fileName: fileNameArg,
    data: z
      .string()
      .min(1)
      .max(Math.ceil(maxBytes / 3) * 4, `${what} may be up to ${maxBytes / 1048576} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
  })
}

/** A picked photo's bytes for main to check and strip (`photo:import`). */
export const photoImportInputSchema = pickedFileSchema(PHOTO_LIMITS.maxBytes, 'a photo')

/** A photo main made ready to keep: the renderer adds its id, kind, caption and time. */
export type ImportedPhoto = Pick<Photo, 'mediaType' | 'widthPx' | 'heightPx' | 'orientation' | 'removed' | 'data'>
/** `heic`: a HEIC photo, which main cannot keep (see photos/photo-format.ts); `unsupported`: another kind of file. */
export type PhotoImportOutcome = { readonly ok: true; readonly photo: ImportedPhoto } | Failure<'heic' | 'unsupported' | 'too-large' | 'damaged'>

/** A picked logo as main checked it (type and size from its bytes, metadata removed), or why it cannot be the logo. */
export type CompanyLogoOutcome =
  | {
      readonly ok: true
      readonly logo: CompanyLogo
      /** What was removed (location data, other metadata), in words; empty when the file had none. */
      readonly removed: readonly string[]
    }
  | Failure<'unsupported' | 'too-large' | 'damaged'>

/** A picked logo file's bytes for main to check (`company:checkLogo`). */
export const companyLogoInputSchema = pickedFileSchema(COMPANY_LOGO_LIMITS.maxBytes, 'a logo')

/** The company setting as stored (main/settings/company-store.ts). */
export interface CompanySetting {
  readonly company: Company
  /** Why the stored file was not used (it names the file and where it was kept aside); null when it was, or there is none. */
  readonly problem: string | null
}

/** Saving the company: where it went, or why not (a field over its limit, a full disk, …). */
export type CompanySaveResult = { readonly ok: true; readonly path: string } | Failure<'not-saved'>

/**
 * Every request: its argument tuple schema and (as a phantom) its result. Main validates the
 * arguments of every call against `requestArgs` before a handler runs.
 */
export const requestArgs = {
  'app:info': z.tuple([]),
  'survey:list': z.tuple([]),
  'survey:create': z.tuple([newSurveyInputSchema]),
  'survey:open': z.tuple([handleArg]),
  /** Browser mode only (it has no open dialog): a typed path, read and never written. */
  'survey:openPath': z.tuple([pathArg]),
  'survey:pickOpen': z.tuple([]),
  'survey:openSample': z.tuple([]),
  'survey:save': z.tuple([handleArg, surveySchema]),
  'survey:saveAs': z.tuple([surveySchema, fileNameArg.optional()]),
  'survey:keepBoth': z.tuple([handleArg, surveySchema]),
  'survey:overwrite': z.tuple([handleArg, surveySchema]),
  /** "Re-survey this site": a new linked survey, saved by main beside this one (which is never changed). */
  'survey:resurvey': z.tuple([handleArg]),
  'survey:recent': z.tuple([]),
  'scan:start': z.tuple([scanOptionsSchema]),
  'scan:stop': z.tuple([idArg]),
  'scan:snapshot': z.tuple([snapshotOptionsSchema]),
  'probe:run': z.tuple([probeOptionsSchema]),
  'probe:cancel': z.tuple([idArg]),
  'watch:start': z.tuple([handleArg, idArg, watchOptionsSchema]),
  'watch:pause': z.tuple([idArg]),
  'watch:resume': z.tuple([idArg]),
  'watch:stop': z.tuple([idArg]),
  'watch:list': z.tuple([]),
  'report:exportPdf': z.tuple([exportPdfOptionsSchema]),
  'report:exportEvidence': z.tuple([exportEvidenceOptionsSchema]),
  'handout:save': z.tuple([handoutSaveOptionsSchema]),
  /** The findings as CSV for a ticket (main generates the text and picks the destination). */
  'report:saveFindings': z.tuple([surveySchema]),
  'charger:read': z.tuple([chargerReadOptionsSchema]),
  'charger:discover': z.tuple([chargerDiscoverOptionsSchema]),
  'charger:cancelDiscovery': z.tuple([]),
  'photo:import': z.tuple([photoImportInputSchema]),
  'company:get': z.tuple([]),
  /** The whole company; strict with the field limits (main checks the logo's bytes again). */
  'company:save': z.tuple([companySchema]),
  'company:checkLogo': z.tuple([companyLogoInputSchema])
} as const satisfies Record<keyof RequestResults, z.ZodType>

/** The result each request answers with. */
export interface RequestResults {
  'app:info': AppInfo
  'survey:list': readonly LibraryEntry[]
  'survey:create': SurveyOpenOutcome
  'survey:open': SurveyOpenOutcome
  'survey:openPath': SurveyOpenOutcome
  'survey:pickOpen': SurveyOpenOutcome
  'survey:openSample': SurveyOpenOutcome
  'survey:save': SaveOutcome
  'survey:saveAs': SaveAsOutcome
  /** After 'changed-on-disk': yours to a new file beside theirs (main names it), the handle re-pointed there. */
  'survey:keepBoth': SaveAsOutcome
  /** After 'changed-on-disk': the person chose to replace the other program's version. */
  'survey:overwrite': SaveOutcome
  'survey:resurvey': SurveyOpenOutcome
  'survey:recent': readonly SurveyEntry[]
  'scan:start': ScanSessionOutcome
  'scan:stop': { readonly ok: true }
  'scan:snapshot': SnapshotOutcome
  'probe:run': ProbeRunOutcome
  'probe:cancel': { readonly ok: true }
  'watch:start': WatchStartOutcome
  'watch:pause': { readonly ok: true }
  'watch:resume': { readonly ok: true }
  'watch:stop': { readonly ok: true }
  'watch:list': readonly LiveWatch[]
  'report:exportPdf': ExportOutcome
  'report:exportEvidence': ExportOutcome
  'handout:save': ExportOutcome
  'report:saveFindings': ExportOutcome
  'charger:read': ChargerReadOutcome
  'charger:discover': ChargerDiscoveryOutcome
  'charger:cancelDiscovery': { readonly ok: true }
  /** Location data and other metadata removed, nothing re-encoded; or why the file cannot be a photo. */
  'photo:import': PhotoImportOutcome
  /** The surveying company printed on every report (a setting of this installation, never in a survey). */
  'company:get': CompanySetting
  'company:save': CompanySaveResult
  /** A picked logo as main would keep it (type and size from its bytes, metadata removed), or why not; nothing is saved. */
  'company:checkLogo': CompanyLogoOutcome
}

export type RequestName = keyof typeof requestArgs
export type RequestArgs<K extends RequestName> = z.input<(typeof requestArgs)[K]>
export type ParsedRequestArgs<K extends RequestName> = z.output<(typeof requestArgs)[K]>

/** Pushes from main to the renderer. */
export interface Events {
  'scan:sample': ScanSample
  'scan:status': ScanStatus
  'scan:progress': ScanProgress
  'probe:progress': ProbeProgress
  'app:command': AppCommand
  'report:progress': ReportProgress
  'watch:update': WatchUpdate
  'charger:discovery': ChargerDiscoveryProgress
}
export type EventName = keyof Events

/** The API the renderer sees, whatever carries it. */
export interface Api {
  request<K extends RequestName>(name: K, ...args: RequestArgs<K>): Promise<RequestResults[K]>
  /** Subscribe to an event; returns the unsubscribe function. Listeners get the payload only. */
  on<K extends EventName>(name: K, listener: (payload: Events[K]) => void): () => void
}

/** Handlers main registers once, for both Electron IPC and the web server. */
export type Handlers = {
  [K in RequestName]: (...args: ParsedRequestArgs<K>) => Promise<RequestResults[K]>
}

/** Publishes events to whichever transport (IPC window, SSE clients) is attached. */
export type EventSink = <K extends EventName>(name: K, payload: Events[K]) => void

