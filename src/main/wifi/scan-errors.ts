/**
 * ScanError values for the failures a technician can fix: each says what happened and what to do.
 */
import type { ScanError } from '../../shared/contract'
import type { CommandOutcome } from './command-runner'

/** A tool is not installed; names the package. */
export function toolMissing(tool: string, install: string): ScanError {
  return {
    reason: 'tool-missing',
    message: `The Wi-Fi scan needs \`${tool}\`, which is not installed or not on PATH.`,
    help: [`Install it: ${install}`, 'Then start the scan again.']
  }
}

/** No Wi-Fi adapter found. */
export function noAdapter(detail: string): ScanError {
  return {
    reason: 'no-adapter',
    message: `No Wi-Fi adapter found (${detail}).`,
    help: ['Plug in or switch on the Wi-Fi adapter (check airplane mode and the hardware switch).', 'Then start the scan again.']
  }
}

/** The OS refused the scan. */
export function permissionDenied(tool: string, detail: string, help: readonly string[]): ScanError {
  return { reason: 'permission-denied', message: `${tool} was not allowed to scan (${detail}).`, help }
}

/** Anything else: the tool's own words, trimmed. */
export function scanFailed(tool: string, detail: string, help: readonly string[] = []): ScanError {
  const text = detail.trim().split('\n').slice(0, 3).join(' ').slice(0, 300)
  return { reason: 'failed', message: `${tool} failed: ${text || 'no output'}.`, help: help.length > 0 ? help : ['Start the scan again; if it keeps failing, save the tool output and send it to support.'] }
}

/**
 * A tool run that did not succeed, in words: a hang and an endless output are named as such (the
 * runner stopped them), anything else is the tool's own text.
 */
export function commandFailed(tool: string, outcome: Extract<CommandOutcome, { ok: false }>): ScanError {
  if (outcome.kind === 'timeout') return scanFailed(tool, 'it did not finish in time and was stopped', ['Start the scan again; if it keeps timing out, restart the Wi-Fi adapter.'])
  if (outcome.kind === 'too-much-output') return scanFailed(tool, 'it printed far more than any scan and was stopped', ['Start the scan again; if it keeps happening, save the tool output and send it to support.'])
  return scanFailed(tool, outcome.stderr || outcome.stdout)
}
