/**
 * Scan controls and state: start/stop, a still dot and the phase in words while a session runs
 * (blue while a scan is under way, green between scans), the age of the last update (ticking), the
 * interval, and every scan error with the steps to fix it.
 *
 * The dot does not spin: a running CSS animation makes the compositor produce a frame on every
 * vsync for as long as the page scans (scripts/bench/renderer-live.ts: compositor time per frame
 * about halved without it), and a still mark is kinder to reduced-motion users too. The words
 * ("Scanning…") carry the state; the dot only repeats it.
 */
import type { ScanErrorReason } from '../../../shared/contract'
import type { ScanState } from '../state/scan-store'
import { ageLabel } from './selectors'

const ERROR_TITLES: Readonly<Record<ScanErrorReason, string>> = {
  'no-adapter': 'No Wi-Fi adapter found',
  'tool-missing': 'A scanning tool is missing',
  'permission-denied': 'Permission denied',
  'location-denied': 'Location access is off for this app',
  malformed: 'Some scanner output could not be read',
  busy: 'The scanner is busy',
  failed: 'The scan failed'
}

const PHASE_TEXT: Readonly<Record<ScanState['phase'], string>> = {
  idle: 'Not scanning',
  starting: 'Starting…',
  scanning: 'Scanning…',
  waiting: 'Waiting for the next scan',
  stopping: 'Stopping…',
  stopped: 'Stopped',
  error: 'Stopped by an error'
}

export interface ScanStatusBarProps {
  readonly state: ScanState
  readonly now: number
  readonly onStart: () => void
  readonly onStop: () => void
}

/** True while a session runs (or is being started). */
export function isRunning(phase: ScanState['phase']): boolean {
  return phase === 'starting' || phase === 'scanning' || phase === 'waiting'
}

/** The scan controls and status line. */
export function ScanStatusBar({ state, now, onStart, onStop }: ScanStatusBarProps) {
  const running = isRunning(state.phase)
  const busy = state.phase === 'scanning' || state.phase === 'starting'
  return (
    <div className="scan-status">
      <div className="scan-status-line">
        {running ? (
          <button type="button" className="btn btn-danger" onClick={onStop}>
            Stop scanning
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onStart} disabled={state.phase === 'stopping'}>
            Start scanning
          </button>
        )}
        <span className={`scan-phase scan-phase-${state.phase}`} role="status" aria-live="polite">
          {running && <span className={`scan-dot ${busy ? 'scan-dot-busy' : 'scan-dot-waiting'}`} aria-hidden="true" />}
          {PHASE_TEXT[state.phase]}
        </span>
        <span className="scan-meta">
          {state.lastReceivedAt === null ? 'no update yet' : `last update ${ageLabel(now, state.lastReceivedAt)}`}
          {state.intervalMs !== null && ` · every ${Math.round(state.intervalMs / 100) / 10} s`}
          {` · ${state.sampleCount} scans · ${state.networks.size} BSS`}
        </span>
      </div>
      {state.error && (
        <div className={`scan-error scan-error-${state.error.reason}`} role="alert">
          <strong>{ERROR_TITLES[state.error.reason]}</strong>
          <p>{state.error.message}</p>
          {state.error.help.length > 0 && (
            <ol>
              {state.error.help.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          )}
        </div>
      )}
      {state.lastSkipped > 0 && (
        <div className="scan-warning" role="alert">
          {state.lastSkipped} unreadable block{state.lastSkipped === 1 ? '' : 's'} skipped in the last scan ({state.skippedTotal} this
          session); the scan goes on. Save the raw scanner output for support if this persists.
        </div>
      )}
      {state.warnings.length > 0 && (
        <ul className="scan-warnings">
          {state.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
