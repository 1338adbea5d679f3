/**
 * Writing an exported file (PDF, PNG) safely: the folder is checked before Chromium starts, the
 * bytes are written atomically (main/fs/atomic-write), so a failure leaves no half-written file.
 * A survey file is never a destination.
 */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import type { Failure } from '../../shared/contract'
import { writeFileAtomic, type AtomicFs } from '../fs/atomic-write'

type WriteFailure = Failure<'not-writable' | 'disk-full' | 'failed'>
type DestinationFailure = WriteFailure | Failure<'not-allowed'>

function code(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '' // Node errors carry `code`
}

/** A write error as a reason and a message naming the file and what to do. */
export function classifyWriteError(error: unknown, path: string): WriteFailure {
  const folder = dirname(path)
  switch (code(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, reason: 'disk-full', message: `The disk holding ${folder} is full: ${basename(path)} was not saved. Free some space or choose another folder.` }
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { ok: false, reason: 'not-writable', message: `The folder ${folder} is not writable: ${basename(path)} was not saved. Choose another folder.` }
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, reason: 'not-writable', message: `The folder ${folder} does not exist: ${basename(path)} was not saved. Choose an existing folder.` }
    case 'EISDIR':
      return { ok: false, reason: 'not-writable', message: `${path} is a folder, not a file name. Choose a file name to save to.` }
    default:
      return { ok: false, reason: 'failed', message: `${basename(path)} could not be saved in ${folder}: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * Checks a destination before the slow part starts: it must not be a survey file, its folder must
 * exist and be writable, it must not be a folder itself, and it must end in `expectedExt` (a PDF
 * is never written to `~/.bashrc`). Null when it is fine.
 */
export async function checkDestination(path: string, expectedExt: '.pdf' | '.png'): Promise<DestinationFailure | null> {
  if (extname(path).toLowerCase() === '.wcsurvey') {
    return { ok: false, reason: 'not-writable', message: `${basename(path)} is a survey file: the ${expectedExt.slice(1).toUpperCase()} is never written over a survey. Choose a name ending in ${expectedExt}.` }
  }
  const folder = dirname(path)
  try {
    const info = await stat(folder)
    if (!info.isDirectory()) return classifyWriteError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), path)
    await access(folder, constants.W_OK)
  } catch (error) {
    return classifyWriteError(error, path)
  }
  try {
    if ((await stat(path)).isDirectory()) return classifyWriteError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), path)
  } catch {
    // Not there yet: the usual case.
  }
  if (extname(path).toLowerCase() !== expectedExt) {
    return { ok: false, reason: 'not-allowed', message: `${basename(path)} does not end in ${expectedExt}: nothing was saved. Choose a name ending in ${expectedExt}.` }
  }
  return null
}

/** Writes `bytes` to `path` atomically (main/fs/atomic-write); never leaves a partial file. */
export async function writeFileAtomically(path: string, bytes: Uint8Array, fs?: AtomicFs): Promise<{ readonly ok: true; readonly path: string } | WriteFailure> {
  try {
    await writeFileAtomic(path, bytes, { fs })
    return { ok: true, path }
  } catch (error) {
    return classifyWriteError(error, path)
  }
}
