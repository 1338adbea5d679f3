/**
 * The current location's findings for the target SSID, judged on the newest scan: requirement ID,
 * a result badge and the one-line explanation. Updates as samples arrive.
 *
 * Wi-Fi findings come first, worst first, with their explanation (passes as compact chips, the
 * explanation on hover); findings that need the firewall probe or site notes are summarised on
 * one line and listed when opened, so the strip stays one or two lines high.
 */
import type { Finding, FindingResult } from '../../../shared/model/finding'
import { visibleText } from '../../../shared/text/hidden-chars'

export interface FindingsStripProps {
  readonly findings: readonly Finding[]
  readonly targetSsid: string
  /** True once at least one scan arrived. */
  readonly scanned: boolean
}

const SEVERITY: Readonly<Record<FindingResult, number>> = { fail: 0, unknown: 1, warn: 2, pass: 3 }

function FindingItem({ f, brief }: { readonly f: Finding; readonly brief: boolean }) {
  return (
    <li className={`finding finding-${f.result}`} title={visibleText(`${f.requirement}: ${f.explanation}\n${f.evidence}`, { multiline: true })}>
      <span className="finding-id">{visibleText(f.requirement)}</span>
      <span className={`badge badge-${f.result}`}>{f.result}</span>
      {!brief && <span className="finding-text">{f.explanation}</span>}
    </li>
  )
}

/** Compact findings line for the live view. */
export function FindingsStrip({ findings, targetSsid, scanned }: FindingsStripProps) {
  let note: string | null = null
  if (targetSsid === '') note = 'Set the survey’s target network to judge it here.'
  else if (!scanned) note = 'Findings appear with the first scan.'
  else if (findings.length === 0) note = 'The requirement checks returned no findings for this scan.'
  const bySeverity = [...findings].sort((a, b) => SEVERITY[a.result] - SEVERITY[b.result])
  const wifi = bySeverity.filter((f) => f.requirement.startsWith('WIFI-'))
  const other = bySeverity.filter((f) => !f.requirement.startsWith('WIFI-'))
  const counts = (['fail', 'unknown', 'warn', 'pass'] as const)
    .map((r) => [r, other.filter((f) => f.result === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${r}`)
  return (
    <section className="findings-strip" aria-label="Findings at this location">
      <h2>
        Findings for <span className="target-chip">{targetSsid === '' ? 'no target set' : targetSsid}</span>
      </h2>
      {note !== null ? (
        <p className="findings-note">{note}</p>
      ) : (
        <>
          <ul>
            {wifi.map((f) => (
              <FindingItem key={f.requirement} f={f} brief={f.result === 'pass'} />
            ))}
          </ul>
          {other.length > 0 && (
            <details className="findings-other">
              <summary>
                {other.map((f) => f.requirement).join(', ')}: {counts.join(', ')} (firewall probe and site notes)
              </summary>
              <ul>
                {other.map((f) => (
                  <FindingItem key={f.requirement} f={f} brief={false} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  )
}
