/**
 * A location's findings, grouped so the result of Measure reads at a glance: what needs attention
 * first (each with what to do, evidence folded), the connectivity requirements as one "run the
 * firewall check at this stall" while no run counts here, and the passes folded into one line.
 */
import type { Finding } from '../../../../shared/model/finding'
import type { LocationJudgement } from '../../../../shared/requirements'
import { PROFILE } from '../../../../shared/requirements'
import { ResultBadge } from '../../components/badges'
import { navigate } from '../../state/nav-store'
import { groupFindings } from '../../state/selectors'
import { visibleText } from '../../../../shared/text/hidden-chars'

/** The profile's connectivity requirements (the firewall check judges them). */
const CONNECTIVITY_IDS: ReadonlySet<string> = new Set(PROFILE.requirements.filter((r) => r.group === 'connectivity').map((r) => r.id))

function FindingCard({ finding: f }: { readonly finding: Finding }) {
  return (
    <li className={`loc-finding loc-finding-${f.result}`}>
      <div className="loc-finding-head">
        <span className="req-id">{visibleText(f.requirement)}</span>
        <ResultBadge result={f.result} />
        <span className="loc-finding-explanation">{f.explanation}</span>
      </div>
      {f.remediation ? (
        <p className="loc-finding-remediation">
          <span className="label">What to do:</span> {f.remediation}
        </p>
      ) : null}
      {f.evidence ? (
        <details className="loc-finding-details">
          <summary>Evidence</summary>
          <p className="loc-finding-evidence">{f.evidence}</p>
        </details>
      ) : null}
    </li>
  )
}

/** The findings of the location's counting measurement, grouped (see the module comment). */
export function LocationFindings({ judgement, findings }: { readonly judgement: LocationJudgement; readonly findings: readonly Finding[] }) {
  const groups = groupFindings(findings, judgement.networkProbe !== null, CONNECTIVITY_IDS)
  const firstNotChecked = groups.notChecked[0]
  return (
    <div className="loc-findings-groups">
      {groups.attention.length > 0 ? (
        <ul className="loc-findings" aria-label="Needs attention">
          {groups.attention.map((f) => (
            <FindingCard key={f.requirement} finding={f} />
          ))}
        </ul>
      ) : null}
      {firstNotChecked ? (
        <div className={`loc-finding loc-finding-${firstNotChecked.result} loc-finding-todo`} role="group" aria-label="Firewall not checked">
          <div className="loc-finding-head">
            <span className="req-id">{groups.notChecked.map((f) => f.requirement).join(' ')}</span>
            <ResultBadge result={firstNotChecked.result} />
          </div>
          <p className="loc-finding-todo-line">
            <strong>Run the firewall check at this stall.</strong> {firstNotChecked.explanation}
          </p>
          <button type="button" className="btn btn-small" onClick={() => navigate('connectivity')}>
            Open Connectivity
          </button>
        </div>
      ) : null}
      {groups.passed.length > 0 ? (
        <details className="loc-passes">
          <summary>
            {groups.passed.length} passed: <span className="req-id-list">{visibleText(groups.passed.map((f) => f.requirement).join(', '))}</span>
          </summary>
          <ul className="loc-findings">
            {groups.passed.map((f) => (
              <FindingCard key={f.requirement} finding={f} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
