/**
 * Opaque handles for survey files: the renderer refers to a survey by a handle main issued (from
 * the library, an open, create, a dialog, a file association or the recent list), never by a
 * path, so a renderer gone bad cannot name a file to write (GitHub Desktop keeps repository paths
 * in main for the same reason). A handle lives as long as this process; the same path always
 * gets the same handle, so a reloaded page can reopen what it had.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'

/** 128 random bits, base64url: what `handleArg` in the contract accepts. */
export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{22}$/

export interface SurveyHandles {
  /** The handle of `path` (absolute), issuing one on first sight. */
  issue(path: string): string
  /** The path a handle stands for, or null for a handle this process never issued. */
  pathOf(handle: string): string | null
}

/** An empty handle table. */
export function createSurveyHandles(): SurveyHandles {
  const byHandle = new Map<string, string>()
  const byPath = new Map<string, string>()
  return {
    issue(path) {
      const absolute = resolve(path)
      const known = byPath.get(absolute)
      if (known !== undefined) return known
      const handle = randomBytes(16).toString('base64url')
      byHandle.set(handle, absolute)
      byPath.set(absolute, handle)
      return handle
    },
    pathOf(handle) {
      return byHandle.get(handle) ?? null
    }
  }
}
