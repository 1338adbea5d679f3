/**
 * Running scanner tools: a spawned program with an argument array (never a shell: SSIDs are hostile
 * text), a hard deadline and bounded output. The outcome is a value; the scanners turn it into a
 * ScanError. The live scan loop awaits this, so it must settle whatever the tool does.
 */
import { spawn } from 'node:child_process'
import { MAX_SCAN_OUTPUT_BYTES } from './parsers/bounded-input'

export type CommandOutcome =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | {
      readonly ok: false
      /**
       * missing: not installed / not on PATH; timeout; permission: EACCES/EPERM; exit: non-zero
       * status; too-much-output: printed past the cap (a tool that prints forever).
       */
      readonly kind: 'missing' | 'timeout' | 'permission' | 'exit' | 'too-much-output'
      readonly exitCode: number | null
      readonly stdout: string
      readonly stderr: string
    }

export interface CommandOptions {
  readonly timeoutMs: number
  /** The environment to run with (already including LC_ALL=C where a tool needs it). */
  readonly env: NodeJS.ProcessEnv
  /** Output cap in bytes (stdout and stderr each); default MAX_SCAN_OUTPUT_BYTES. */
  readonly maxOutputBytes?: number
}

/** Runs a program with arguments; resolves to an outcome, never rejects. */
export type CommandRunner = (file: string, args: readonly string[], options: CommandOptions) => Promise<CommandOutcome>

/** After SIGTERM, how long a tool gets before SIGKILL; after that the outcome is given regardless. */
export const KILL_GRACE_MS = 1000

/**
 * The real runner. Unlike execFile's own timeout (SIGTERM, then waits for the exit), it gives an
 * outcome at the deadline plus the grace period even when the tool ignores SIGTERM or a child of it
 * keeps the pipes open, and it stops reading past the output cap.
 */
export const execFileRunner: CommandRunner = (file, args, options) =>
  new Promise((resolve) => {
    const cap = options.maxOutputBytes ?? MAX_SCAN_OUTPUT_BYTES
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outBytes = 0
    let errBytes = 0
    let settled = false
    let failure: 'timeout' | 'too-much-output' | null = null
    let killTimer: NodeJS.Timeout | undefined
    let lastResort: NodeJS.Timeout | undefined
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8')
    const child = spawn(file, [...args], { env: options.env, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] })

    const settle = (outcome: CommandOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      clearTimeout(killTimer)
      clearTimeout(lastResort)
      // A grandchild may still hold the pipes: stop reading so nothing keeps this process busy.
      child.stdout.destroy()
      child.stderr.destroy()
      resolve(outcome)
    }
    const stop = (why: 'timeout' | 'too-much-output') => {
      if (failure !== null || settled) return
      failure = why
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
      lastResort = setTimeout(() => settle({ ok: false, kind: why, exitCode: null, stdout: text(out), stderr: text(err) }), 2 * KILL_GRACE_MS)
    }
    const deadline = setTimeout(() => stop('timeout'), options.timeoutMs)

    child.stdout.on('data', (chunk: Buffer) => {
      if (failure !== null) return
      outBytes += chunk.length
      if (outBytes > cap) stop('too-much-output')
      else out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (failure !== null) return
      errBytes += chunk.length
      if (errBytes > cap) stop('too-much-output')
      else err.push(chunk)
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      const kind = error.code === 'ENOENT' ? 'missing' : error.code === 'EACCES' || error.code === 'EPERM' ? 'permission' : 'exit'
      settle({ ok: false, kind, exitCode: null, stdout: text(out), stderr: text(err) })
    })
    child.on('close', (code) => {
      if (failure !== null) settle({ ok: false, kind: failure, exitCode: code, stdout: text(out), stderr: text(err) })
      else if (code === 0) settle({ ok: true, stdout: text(out), stderr: text(err) })
      else settle({ ok: false, kind: 'exit', exitCode: code, stdout: text(out), stderr: text(err) })
    })
  })

/** `env` with a C locale, so tools print untranslated values (nmcli translates them otherwise). */
export function cLocale(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' }
}

/** Linux interface names: what the kernel allows (IFNAMSIZ 16 incl. NUL), nothing a tool could read as an option. */
export function isValidInterfaceName(name: string): boolean {
  return /^[A-Za-z0-9_.:-]{1,15}$/.test(name) && !name.startsWith('-')
}

/** `promise`, or `onTimeout()` after `ms`: for library calls (node-wifi) that take no deadline of their own. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}
