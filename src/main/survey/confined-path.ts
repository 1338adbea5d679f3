/**
 * Where browser mode may write: a plain file name inside one of main's folders (the surveys
 * folder, the exports folder), with that folder's extension. Other folders, `..`, separators,
 * links out of the folder and other extensions are refused with a message, before anything is
 * written. In Electron destinations come from the native save dialog instead; the extension is
 * enforced there too (`withExtension`).
 */
import { lstat, realpath } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { Failure } from '../../shared/contract'
import type { HandoutExtension } from '../../shared/handout/names'

/** The extensions main writes: survey files, PDF reports, evidence images, IT handout files. */
export type WrittenExtension = '.wcsurvey' | '.pdf' | '.png' | HandoutExtension

export type NotAllowed = Failure<'not-allowed'>
export type Confined = { readonly ok: true; readonly path: string } | NotAllowed

/** Longest file name accepted (bytes of UTF-8; most file systems allow 255). */
const MAX_NAME_BYTES = 200

function refuse(message: string): NotAllowed {
  return { ok: false, reason: 'not-allowed', message }
}

/**
 * `path` with `ext` appended when it has no extension; a refusal when it has another one
 * (`~/.bashrc` is never a PDF). Case-insensitive: `REPORT.PDF` is a PDF.
 */
export function withExtension(path: string, ext: WrittenExtension): Confined {
  const name = basename(path)
  // extname('.bashrc') is '' (a dot file has no extension): it becomes `.bashrc.pdf`, a new file.
  const current = extname(name)
  if (current === '') return { ok: true, path: `${path}${ext}` }
  if (current.toLowerCase() !== ext) return refuse(`${name} does not end in ${ext}: this file can only be saved as ${ext}. Choose a name ending in ${ext}.`)
  return { ok: true, path }
}

/** Why `name` is not a plain file name, or null when it is one. */
function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'The file name is empty.'
  if (name === '.' || name === '..' || /[/\\]/.test(name)) return `${name} names another folder: give a file name only; it is saved in the folder shown.`
  // Control characters, and what Windows forbids in names (`C:x` is even a drive-relative path there).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) return `${JSON.stringify(name)} has characters a file name cannot carry (control characters or < > : " | ? *).`
  if (name.startsWith('.')) return `${name} starts with a dot (a hidden file): choose a visible file name.`
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `The file name is longer than ${MAX_NAME_BYTES} bytes: choose a shorter one.`
  return null
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
}

/** What is at `path` now, without following a link: none, a regular file, or something else. */
async function entryKind(path: string): Promise<'none' | 'file' | 'link' | 'other'> {
  try {
    const info = await lstat(path)
    return info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : 'other'
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'none'
    throw error
  }
}

/**
 * The path of file `name` in `folder` (which must exist), `ext` appended when missing; refused
 * when the name is not a plain file name, has another extension, or is a link or a folder.
 * With `replace: false` an existing file is refused too (Save As never overwrites another survey).
 */
export async function pathInFolder(folder: string, name: string, ext: WrittenExtension, options: { readonly replace: boolean }): Promise<Confined> {
  const problem = nameProblem(name)
  if (problem !== null) return refuse(problem)
  const named = withExtension(name, ext)
  if (!named.ok) return named
  let base: string
  try {
    base = await realpath(folder)
  } catch (error) {
    return refuse(`The folder ${folder} is not available (${errorCode(error) ?? String(error)}): nothing was saved.`)
  }
  const target = join(base, named.path)
  return checkEntry(target, folder, options.replace)
}

async function checkEntry(target: string, folder: string, replace: boolean): Promise<Confined> {
  const name = basename(target)
  let kind: Awaited<ReturnType<typeof entryKind>>
  try {
    kind = await entryKind(target)
  } catch (error) {
    return refuse(`${name} in ${folder} cannot be checked (${errorCode(error) ?? String(error)}): nothing was saved.`)
  }
  if (kind === 'link') return refuse(`${name} in ${folder} is a link to somewhere else: nothing was saved. Choose another name.`)
  if (kind === 'other') return refuse(`${name} in ${folder} is not a regular file (a folder or a device): nothing was saved. Choose another name.`)
  if (kind === 'file' && !replace) return refuse(`${name} already exists in ${folder}: nothing was saved. Choose another name.`)
  return { ok: true, path: target }
}

/**
 * An existing survey path is still a plain `ext` file directly in `folder` (not a link, the
 * folder not swapped for a link since the handle was issued). Browser mode checks this before
 * every save to a handle.
 */
export async function checkInFolder(folder: string, path: string, ext: WrittenExtension): Promise<Confined> {
  const name = basename(path)
  const problem = nameProblem(name)
  if (problem !== null || extname(name).toLowerCase() !== ext) return refuse(`${path} is not a ${ext} file in ${folder}: browser mode saves only there. Use Save As to save a copy in that folder.`)
  let inside: boolean
  try {
    inside = (await realpath(dirname(path))) === (await realpath(folder))
  } catch {
    inside = false
  }
  if (!inside) return refuse(`${name} is outside ${folder}: browser mode saves only there, so this file is not changed. Use Save As to save a copy in that folder.`)
  return checkEntry(path, folder, true)
}
