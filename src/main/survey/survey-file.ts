/**
 * Reading and writing one `.wcsurvey` file: parse → detect → migrate → validate on load, and an
 * atomic save (main/fs/atomic-write: temp file in the same folder, fsync, rename, fsync the folder).
 *
 * Loading never writes: a migrated survey lives in memory until the next save (issue 2 item 6:
 * the original file is never modified or truncated). A failed save removes its temp file and
 * leaves the last good file as it was.
 */
import { createHash } from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { OpenOutcome, SaveOutcome } from '../../shared/contract'
import type { z } from 'zod'
import { SURVEY_SCHEMA_VERSION, surveySchema, type Survey } from '../../shared/model/survey'
import { changedOnDiskMessage } from '../../shared/text/changed-on-disk'
import { writeFileAtomic, type AtomicFs } from '../fs/atomic-write'
import { migrateSurvey, OLDEST_SUPPORTED_VERSION } from './migrate'

/** The file extension of a survey. */
export const SURVEY_EXTENSION = '.wcsurvey'

/**
 * The one size cap of a survey file: larger files are refused unread (a survey with hundreds of
 * measurements is a few MB), and no save writes a larger one, so whatever was saved opens again.
 * Browser mode's request cap is derived from it (main/web/server.ts).
 */
export const MAX_SURVEY_BYTES = 64 * 1024 * 1024

/** The parts of `node:fs/promises` the save uses; tests inject failures through it. */
export type SaveFs = AtomicFs & Pick<typeof nodeFs, 'stat'>

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code
  return undefined
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Could this unparsable text be a survey cut short or edited (then it is damaged), rather than
 * another kind of file (a PDF, a photo, a note renamed to .wcsurvey)? A survey file is a JSON
 * object that names its schemaVersion near the top.
 */
function looksLikeSurveyText(text: string): boolean {
  return text.trimStart().startsWith('{') && text.slice(0, 4096).includes('"schemaVersion"')
}

function notASurvey(name: string, why: string): OpenOutcome {
  return {
    ok: false,
    reason: 'not-a-survey',
    message: `${name} is not a WC Site Survey survey: ${why}. The file was not changed. Choose a .wcsurvey file saved by this app.`
  }
}

/**
 * Judges the text of a survey file: corrupt, not a survey, newer, or a valid (migrated) survey.
 *
 * Pure apart from its inputs; `path` is only used in messages.
 */
export function parseSurveyText(text: string, path: string): OpenOutcome {
  const name = basename(path)
  let doc: unknown
  // A UTF-8 byte order mark (Notepad writes one) is not part of the JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  try {
    doc = JSON.parse(body)
  } catch {
    // JSON.parse's own message quotes the file's first characters: never echo another file's
    // content to the page (a path typed in browser mode could name any readable file).
    if (body.trim() === '') {
      return { ok: false, reason: 'corrupt', message: `${name} is empty. The file was not changed; restore it from a backup or open another survey.` }
    }
    if (!looksLikeSurveyText(body)) return notASurvey(name, 'it is not a survey file (another kind of file, perhaps renamed)')
    return {
      ok: false,
      reason: 'corrupt',
      message: `${name} is damaged: it is not valid JSON (truncated or edited by another program). The file was not changed; restore it from a backup or open another survey.`
    }
  }
  // Our shape: an object with an integer schemaVersion and a site. Anything else is some other file.
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    !('schemaVersion' in doc) ||
    typeof doc.schemaVersion !== 'number' ||
    !Number.isInteger(doc.schemaVersion) ||
    !('site' in doc)
  ) {
    return notASurvey(name, 'it is a JSON file of another kind')
  }
  const record = doc as Record<string, unknown> // narrowed by the checks above: a plain JSON object
  const version = doc.schemaVersion
  if (version > SURVEY_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'newer-version',
      message: `${name} was made by a newer version of WC Site Survey (file format ${version}, this app reads up to ${SURVEY_SCHEMA_VERSION}). Update the app to open it; the file was not changed.`
    }
  }
  if (version < OLDEST_SUPPORTED_VERSION) {
    return {
      ok: false,
      reason: 'corrupt',
      message: `${name} has an unknown file format version (${version}). The file was not changed; restore it from a backup.`
    }
  }
  const migrated = version < SURVEY_SCHEMA_VERSION ? migrateSurvey(record, version) : record
  const parsed = surveySchema.safeParse(migrated)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const tooLong = issue ? tooLongText(issue, migrated) : null
    if (tooLong !== null) {
      return {
        ok: false,
        reason: 'too-long',
        message: `${name} cannot be opened: ${tooLong.field} (${tooLong.path}) is ${tooLong.length.toLocaleString('en')} characters, over its limit of ${tooLong.limit.toLocaleString('en')}. The file was not changed and nothing was cut; shorten that text in the program that wrote the file, then open it again.`
      }
    }
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    return {
      ok: false,
      reason: 'corrupt',
      message: `${name} is damaged: ${issue?.message ?? 'invalid content'}${where}. The file was not changed; restore it from a backup or open another survey.`
    }
  }
  return { ok: true, path, survey: parsed.data, migratedFrom: version < SURVEY_SCHEMA_VERSION ? version : null }
}

/** The field a survey path names, in words: "the name of location 3", "the site name". */
function fieldInWords(path: readonly PropertyKey[]): string {
  const p = path.map(String)
  const n = (i: number): number => Number(p[i]) + 1
  const site: Record<string, string> = { name: 'the site name', address: 'the site address', customer: 'the customer', technician: 'the technician', notes: 'the site notes' }
  const location: Record<string, string> = { name: 'name', notes: 'notes', cellularNote: 'cellular note' }
  if (p.length === 2 && p[0] === 'site' && site[p[1] ?? ''] !== undefined) return site[p[1] ?? ''] ?? ''
  if (p.length === 1 && p[0] === 'targetSsid') return 'the target network (SSID)'
  if (p.length === 3 && p[0] === 'locations' && location[p[2] ?? ''] !== undefined) return `the ${location[p[2] ?? '']} of location ${n(1)}`
  if (p.length === 5 && p[0] === 'locations' && p[2] === 'photos' && p[4] === 'caption') return `the caption of photo ${n(3)} of location ${n(1)}`
  if (p.length === 4 && p[0] === 'map' && p[1] === 'levels' && p[3] === 'name') return `the name of level ${n(2)}`
  return 'a text'
}

/**
 * A text over its limit (TEXT_LIMITS) is not damage: the file is whole, one text is longer than
 * this app takes. Says which field, how long it is and the limit; null for any other issue.
 */
function tooLongText(issue: z.core.$ZodIssue, doc: unknown): { readonly field: string; readonly path: string; readonly length: number; readonly limit: number } | null {
  if (issue.code !== 'too_big' || issue.origin !== 'string') return null
  let value: unknown = doc
  for (const key of issue.path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined // walking the parsed JSON the issue points into
  if (typeof value !== 'string') return null
  return { field: fieldInWords(issue.path), path: issue.path.map(String).join('.'), length: value.length, limit: Number(issue.maximum) }
}

/** The parts of `node:fs/promises` a read uses; tests interpose on the open (a file swapped after it). */
export type ReadFs = Pick<typeof nodeFs, 'open'>

/** What one read of a survey file saw, all from the one descriptor it was read through. */
export interface SurveyFileRead {
  readonly bytes: Buffer
  readonly size: number
  readonly mtimeMs: number
}

/**
 * Read-only, and non-blocking so that opening a FIFO returns at once instead of waiting for a
 * writer (four such waits would fill Node's thread pool). No effect on a regular file's reads.
 * Windows has no O_NONBLOCK (and no FIFOs by that name): 0 there.
 */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0)

/** Reads at most `limit` bytes from `handle`, in chunks, from its start. */
async function readAtMost(handle: nodeFs.FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
    if (total >= limit) break
  }
  return Buffer.concat(chunks, total)
}

function tooLarge(name: string, size: number): OpenOutcome {
  return { ok: false, reason: 'not-a-survey', message: `${name} is ${Math.round(size / 1048576)} MB, far larger than any survey. Choose a .wcsurvey file saved by this app.` }
}

function notRegular(path: string): OpenOutcome {
  return { ok: false, reason: 'unreadable', message: `${path} is not a regular file (a pipe, device or socket), so it is not a survey. Choose a .wcsurvey file.` }
}

/**
 * Reads a survey file's bytes: opened once, checked and read through that one descriptor, so the
 * file checked is the file read (a stat by name then a read by name could read whatever was put
 * there in between, e.g. a link to /dev/zero). A folder, a FIFO, a device or a socket is refused
 * from the descriptor's fstat, before any read; so is a file over MAX_SURVEY_BYTES, and one that
 * grows past it while being read.
 */
export async function readSurveyFile(path: string, fs: ReadFs = nodeFs): Promise<{ readonly ok: true; readonly read: SurveyFileRead } | { readonly ok: false; readonly outcome: OpenOutcome }> {
  const name = basename(path)
  const fail = (outcome: OpenOutcome): { readonly ok: false; readonly outcome: OpenOutcome } => ({ ok: false, outcome })
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(path, READ_FLAGS)
    const info = await handle.stat()
    if (info.isDirectory()) return fail({ ok: false, reason: 'unreadable', message: `${path} is a folder, not a survey file. Choose a .wcsurvey file.` })
    if (!info.isFile()) return fail(notRegular(path))
    if (info.size > MAX_SURVEY_BYTES) return fail(tooLarge(name, info.size))
    const bytes = await readAtMost(handle, MAX_SURVEY_BYTES + 1)
    if (bytes.length > MAX_SURVEY_BYTES) return fail(tooLarge(name, bytes.length))
    return { ok: true, read: { bytes, size: info.size, mtimeMs: info.mtimeMs } }
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail({ ok: false, reason: 'not-found', message: `${path} does not exist (moved or deleted?). Check the path or open another survey.` })
    }
    // Windows cannot open a folder as a file; a Unix socket cannot be opened at all (ENXIO).
    if (code === 'EISDIR') return fail({ ok: false, reason: 'unreadable', message: `${path} is a folder, not a survey file. Choose a .wcsurvey file.` })
    if (code === 'ENXIO') return fail(notRegular(path))
    return fail({ ok: false, reason: 'unreadable', message: `${path} could not be read (${code ?? errorText(error)}). Check that you may read the file, then try again.` })
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Reads and judges a survey file. Never writes to it. */
export async function loadSurveyFile(path: string, fs: ReadFs = nodeFs): Promise<OpenOutcome> {
  const result = await readSurveyFile(path, fs)
  return result.ok ? parseSurveyText(result.read.bytes.toString('utf8'), path) : result.outcome
}

/**
 * What a file held: its size and content hash. The content decides: a file only touched (same
 * bytes, new modification time) is no conflict, and a tool that puts the modification time back
 * after editing does not hide its edit.
 */
interface DiskVersion {
  readonly size: number
  readonly sha256: string
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The version of each file this process opened for editing or wrote last, by absolute path: a
 * save compares the file on disk with it first, so an edit made by another program since is never
 * overwritten silently. One table for the process: every save in main (the window's, the watch
 * service's) goes through saveSurveyFile and keeps it current. Reading a file for the library
 * does not touch it (that would hide another program's edit).
 */
const diskVersions = new Map<string, DiskVersion>()

/**
 * Opens a survey for editing: loadSurveyFile, and the version read is remembered so the next save
 * can tell whether another program changed the file meanwhile.
 */
export async function openSurveyFile(path: string, fs: ReadFs = nodeFs): Promise<OpenOutcome> {
  const result = await readSurveyFile(path, fs)
  if (!result.ok) return result.outcome
  const outcome = parseSurveyText(result.read.bytes.toString('utf8'), path)
  if (outcome.ok) diskVersions.set(resolve(path), { size: result.read.bytes.length, sha256: sha256(result.read.bytes) })
  return outcome
}

/** Null when `path` still holds the version this process knows (or none is known), else a refusal naming the file. */
async function changedOnDisk(path: string): Promise<SaveOutcome | null> {
  const known = diskVersions.get(resolve(path))
  if (known === undefined) return null
  const now = await readSurveyFile(path)
  // Gone or unreadable: the save itself recreates it or says why.
  if (!now.ok) return null
  // A different size is a change; the same size is compared by content.
  const same = now.read.bytes.length === known.size && sha256(now.read.bytes) === known.sha256
  if (same) return null
  return {
    ok: false,
    reason: 'changed-on-disk',
    message: changedOnDiskMessage(basename(path), path)
  }
}

/**
 * The bytes a survey is saved as: indented JSON and a newline, readable in any text editor (a
 * support engineer can inspect a file). Indentation roughly doubles the size of measurement-heavy
 * surveys; scripts/bench/survey-files.ts keeps an eye on what that costs. A survey whose indented
 * form would pass MAX_SURVEY_BYTES is written without indentation: a file that opened (compact,
 * from another tool, near the cap) must save again.
 */
export function serializeSurvey(survey: Survey): string {
  const indented = `${JSON.stringify(survey, null, 2)}\n`
  return Buffer.byteLength(indented, 'utf8') <= MAX_SURVEY_BYTES ? indented : `${JSON.stringify(survey)}\n`
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`
}

function saveFailure(error: unknown, path: string): SaveOutcome {
  const code = errorCode(error)
  const folder = dirname(path)
  const keep = 'Your changes are kept in the app'
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        ok: false,
        reason: 'read-only',
        message: `Could not save ${path}: the folder ${folder} is read-only (${code}). ${keep}; use Save As to choose a folder you can write to.`
      }
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        ok: false,
        reason: 'disk-full',
        message: `Could not save ${path}: the disk is full (${code}). ${keep} and the last saved file is intact; free some space or use Save As on another disk.`
      }
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        ok: false,
        reason: 'not-found',
        message: `Could not save ${path}: the folder ${folder} no longer exists (${code}). ${keep}; use Save As to choose another folder.`
      }
    case undefined: // not a system error
    default:
      return {
        ok: false,
        reason: 'failed',
        message: `Could not save ${path} (${code ?? errorText(error)}). ${keep} and the last saved file is intact; try again or use Save As.`
      }
  }
}

/**
 * Saves a survey atomically: readers see the old file or the new one, never a mix.
 *
 * A file deleted while open is recreated (its folder still exists); a vanished folder is
 * 'not-found'. A file marked read-only is 'read-only' and is not replaced. A file another program
 * changed since this process opened or wrote it is 'changed-on-disk' and is not replaced, unless
 * `overwrite` says the person chose to.
 */
export async function saveSurveyFile(path: string, survey: Survey, fs: SaveFs = nodeFs, { overwrite = false }: { readonly overwrite?: boolean } = {}): Promise<SaveOutcome> {
  const guard = !overwrite
  try {
    const existing = await fs.stat(path).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    })
    if (existing?.isDirectory()) {
      return { ok: false, reason: 'failed', message: `Could not save: ${path} is a folder. Use Save As to choose a file name.` }
    }
    // A rename would silently replace a file the user marked read-only: respect the mark instead.
    if (existing && (existing.mode & 0o200) === 0) {
      return {
        ok: false,
        reason: 'read-only',
        message: `Could not save ${path}: the file is marked read-only. Your changes are kept in the app; use Save As to save a copy.`
      }
    }
    if (guard) {
      const changed = await changedOnDisk(path)
      if (changed) return changed
    }
    const text = serializeSurvey(survey)
    const size = Buffer.byteLength(text, 'utf8')
    if (size > MAX_SURVEY_BYTES) {
      return {
        ok: false,
        reason: 'failed',
        message: `Could not save ${path}: the survey is ${megabytes(size)}, more than the ${megabytes(MAX_SURVEY_BYTES)} a survey file may be (it could not be opened again). Your changes are kept in the app; remove old measurements or split the site into two surveys.`
      }
    }
    await writeFileAtomic(path, text, { fs })
    diskVersions.set(resolve(path), { size: Buffer.byteLength(text, 'utf8'), sha256: sha256(text) })
  } catch (error) {
    return saveFailure(error, path)
  }
  return { ok: true, path, savedAt: new Date().toISOString() }
}
