/**
 * Running scanner tools: execFile with an argument array (never a shell: SSIDs are hostile text),
 * a timeout and bounded output. The outcome is a value; the scanners turn it into a ScanError.
 */
import { execFile } from 'node:child_process'

export type CommandOutcome =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | {
      readonly ok: false
      /** missing: not installed / not on PATH; timeout; permission: EACCES/EPERM; exit: non-zero status. */
      readonly kind: 'missing' | 'timeout' | 'permission' | 'exit'
      readonly exitCode: number | null
      readonly stdout: string
      readonly stderr: string
    }

export interface CommandOptions {
  readonly timeoutMs: number
  /** The environment to run with (already including LC_ALL=C where a tool needs it). */
  readonly env: NodeJS.ProcessEnv
}

/** Runs a program with arguments; resolves to an outcome, never rejects. */
export type CommandRunner = (file: string, args: readonly string[], options: CommandOptions) => Promise<CommandOutcome>

/** The real runner: child_process.execFile, 4 MiB output cap (a 300-BSS iw dump is ~1 MiB). */
export const execFileRunner: CommandRunner = (file, args, options) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: options.timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', env: options.env, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout, stderr })
          return
        }
        const code = (error as NodeJS.ErrnoException).code // why: execFile's error is an ErrnoException plus exit fields
        const kind = code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'permission' : error.killed ? 'timeout' : 'exit'
        resolve({ ok: false, kind, exitCode: typeof error.code === 'number' ? error.code : null, stdout: stdout ?? '', stderr: stderr ?? '' })
      }
    )
  })

/** `env` with a C locale, so tools print untranslated values (nmcli translates them otherwise). */
export function cLocale(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' }
}

/** Linux interface names: what the kernel allows (IFNAMSIZ 16 incl. NUL), nothing a tool could read as an option. */
export function isValidInterfaceName(name: string): boolean {
  return /^[A-Za-z0-9_.:-]{1,15}$/.test(name) && !name.startsWith('-')
}
