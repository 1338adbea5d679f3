/**
 * The surveying company (name, contact, logo; issue 16 item 7) as a setting of this installation,
 * kept by main in `<dataDir>/settings/company.json` — never in a survey file — so every report
 * exported here carries it. The Settings page edits it; the report and the CLI read it.
 *
 * The file is `{ "schemaVersion": 1, "company": { … } }`, indented JSON, written atomically
 * (fs/atomic-write). Reading never fails: no file is the empty company; a file that cannot be used
 * (not JSON, not this shape, a logo that is not what it says, written by a newer version) reads as
 * the empty company with a problem naming the file, and is kept aside under a sibling name
 * (fs/keep-aside, never deleted), so the next save writes a fresh file and the old one stays for
 * a person to look at. A file that cannot be read at all (permissions) is left where it is.
 *
 * Electron-free: tested in plain Node.
 */
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import type { CompanySetting } from '../../shared/contract'
import { EMPTY_COMPANY, companySchema, type Company } from '../../shared/model/company'
import { writeFileAtomic, type AtomicFs } from '../fs/atomic-write'
import { keepAside } from '../fs/keep-aside'
import { storedLogoProblem } from './company-logo'

/** The version of the settings file this build writes; a larger one was written by a newer build. */
export const COMPANY_FILE_VERSION = 1

/** Far above any settings file (a 1 MB logo is 1.4 MB of base64): a larger one is not read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024

const companyFileSchema = z.strictObject({ schemaVersion: z.literal(COMPANY_FILE_VERSION), company: companySchema })

/** The company, and why the stored file was not used (it names the file and where it was kept aside); null when it was, or there is none yet. */
export type CompanyRead = CompanySetting

export type CompanySaveOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/** Where the company setting lives inside the data folder. */
export function companyFile(dataDir: string): string {
  return join(dataDir, 'settings', 'company.json')
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The Settings page's label of each field, for messages a person can act on. */
const FIELD_LABELS: Readonly<Record<string, string>> = { name: 'Company name', phone: 'Phone', email: 'Email', website: 'Website', address: 'Address', logo: 'Logo' }

/** The first few zod issues in words: "Company name has more than 200 characters". */
function issuesText(error: z.ZodError, value: unknown): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.find((p) => typeof p === 'string' && p !== 'company')
      const label = typeof field === 'string' ? (FIELD_LABELS[field] ?? field) : null
      if (issue.code === 'too_big' && issue.origin === 'string' && label !== null) {
        const given = issue.path.reduce<unknown>((v, p) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined), value) // walking the value zod refused, by zod's own path
        const count = typeof given === 'string' ? `${given.length} characters` : 'too long'
        return `${label} is ${count}; it may have up to ${issue.maximum} characters`
      }
      return `${issue.path.length > 0 ? issue.path.join('.') : '(the file)'}: ${issue.message}`
    })
    .join('; ')
}

/** Why `text` cannot be the company, or the company; `newer` when a later build wrote it. */
function judge(text: string): { readonly ok: true; readonly company: Company } | { readonly ok: false; readonly why: string; readonly newer: boolean } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, why: 'it is damaged (not JSON)', newer: false }
  }
  const version = typeof json === 'object' && json !== null && 'schemaVersion' in json ? json.schemaVersion : undefined
  if (typeof version === 'number' && Number.isInteger(version) && version > COMPANY_FILE_VERSION) {
    return { ok: false, why: `it was written by a newer version of WC Site Survey (settings version ${version}; this one reads ${COMPANY_FILE_VERSION})`, newer: true }
  }
  const parsed = companyFileSchema.safeParse(json)
  if (!parsed.success) return { ok: false, why: `it is not valid company settings (${issuesText(parsed.error, json)})`, newer: false }
  const logo = parsed.data.company.logo
  const logoProblem = logo === null ? null : storedLogoProblem(logo)
  if (logoProblem !== null) return { ok: false, why: `its logo is not a usable image (${logoProblem})`, newer: false }
  return { ok: true, company: parsed.data.company }
}

const empty = (problem: string): CompanyRead => ({ company: EMPTY_COMPANY, problem })

/** Reads the file's text through one descriptor (the file checked is the file read); never more than MAX_FILE_BYTES. */
async function readText(path: string): Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly tooLarge: boolean }> {
  const handle = await nodeFs.open(path, 'r')
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' })
    if (info.size > MAX_FILE_BYTES) return { ok: false, tooLarge: true }
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1)
    let total = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > MAX_FILE_BYTES) return { ok: false, tooLarge: true }
    }
    return { ok: true, text: buffer.subarray(0, total).toString('utf8') }
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/**
 * The company as stored, or the empty company (with a problem when a file was there but could not
 * be used; see the module comment). Never throws.
 */
export async function readCompany(dataDir: string): Promise<CompanyRead> {
  const path = companyFile(dataDir)
  let judged: ReturnType<typeof judge>
  try {
    const read = await readText(path)
    judged = read.ok ? judge(read.text) : { ok: false, why: `it is larger than ${MAX_FILE_BYTES / 1048576} MB, far larger than any settings file`, newer: false }
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return { company: EMPTY_COMPANY, problem: null }
    if (code === 'ENOTDIR') return empty(`The company settings could not be read: ${dirname(path)} is not a folder. The report shows no company until it is moved away and the company is saved again.`)
    if (code === 'EISDIR') return empty(`The company settings could not be read: ${path} is not a file. Move it away, then save the company again on the Settings page.`)
    return empty(`The company settings file ${path} could not be read (${code ?? errorText(error)}). Check that you may read it; until then the report shows no company.`)
  }
  if (judged.ok) return { company: judged.company, problem: null }
  const head = `The company settings file ${path} was not used: ${judged.why}.`
  try {
    const aside = await keepAside(path, judged.newer ? 'newer' : 'damaged')
    return empty(`${head} It was kept as ${basename(aside)} in the same folder. Enter the company again on the Settings page and save it.`)
  } catch (error) {
    return empty(`${head} It could not be moved aside (${errorCode(error) ?? errorText(error)}); saving the company on the Settings page replaces it.`)
  }
}

function saveFailure(error: unknown, path: string): string {
  const code = errorCode(error)
  const folder = dirname(path)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The company was not saved: the disk holding ${folder} is full (${code}). Free some space and save again; the last saved settings are intact.`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `The company was not saved: the folder ${folder} is not writable (${code}). Check its permissions and save again; the last saved settings are intact.`
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return `The company was not saved: ${folder} or ${path} is in the way (${code}; something that is not a folder, or a folder named like the file). Move it away and save again.`
    case undefined: // not a system error
    default:
      return `The company was not saved to ${path} (${code ?? errorText(error)}). Save again; the last saved settings are intact.`
  }
}

/**
 * Saves the company atomically after checking it (companySchema's limits, the logo's bytes); a
 * refusal or a failed write (full disk, permissions) is a reason naming what to do, never a throw.
 * `options.fs`: tests inject a full disk through it.
 */
export async function saveCompany(dataDir: string, company: Company, options: { readonly fs?: AtomicFs } = {}): Promise<CompanySaveOutcome> {
  const path = companyFile(dataDir)
  const parsed = companySchema.safeParse(company)
  if (!parsed.success) return { ok: false, reason: `The company was not saved: ${issuesText(parsed.error, company)}.` }
  const logo = parsed.data.logo
  const logoProblem = logo === null ? null : storedLogoProblem(logo)
  if (logoProblem !== null) return { ok: false, reason: `The company was not saved: the logo is not a usable image (${logoProblem}). Choose the logo file again.` }
  const text = `${JSON.stringify({ schemaVersion: COMPANY_FILE_VERSION, company: parsed.data }, null, 2)}\n`
  try {
    await nodeFs.mkdir(dirname(path), { recursive: true })
    await writeFileAtomic(path, text, { fs: options.fs })
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: saveFailure(error, path) }
  }
}
