/**
 * The panel for one selected cell: what was seen, why it matters, what to do, and the
 * requirement's own wording with its source.
 */
import { Name } from '../components/name'
import type { Finding } from '../../../shared/model/finding'
import type { Requirement } from '../../../shared/requirements'
import { ResultBadge } from '../components/badges'

const SOURCE_TEXT: Record<Requirement['source'], string> = {
  FAQ: 'Vendor FAQ for Wall Connector installers',
  'vendor page': 'Vendor setup and support pages (not the FAQ)',
  'product decision': 'Survey practice chosen by this app (no vendor figure exists)',
  'charger API': 'The installed charger\'s own reading of its local API'
}

export function FindingDetail({ locationName, finding, requirement }: { readonly locationName: string; readonly finding: Finding; readonly requirement: Requirement }) {
  return (
    <section className="cmp-detail" aria-label="Finding detail" aria-live="polite">
      <header className="cmp-detail-head">
        <div>
          <div className="cmp-detail-where">
            <Name text={locationName} />
          </div>
          <h2>
            <span className="cmp-req-id">{finding.requirement}</span> {requirement.title}
          </h2>
        </div>
        <ResultBadge result={finding.result} />
      </header>
      <p className="cmp-explanation">{finding.explanation}</p>
      <dl className="cmp-detail-list">
        <dt>Evidence</dt>
        <dd className="cmp-evidence">{finding.evidence}</dd>
        {finding.bssids.length > 0 ? (
          <>
            <dt>Access points (BSSID)</dt>
            <dd className="cmp-mono">{finding.bssids.join(', ')}</dd>
          </>
        ) : null}
        <dt>What to do</dt>
        <dd>{finding.remediation === '' ? 'Nothing: this requirement is met.' : finding.remediation}</dd>
        <dt>Requirement</dt>
        <dd>
          <blockquote className="cmp-wording">{requirement.wording}</blockquote>
          <div className="muted">
            Source: {SOURCE_TEXT[requirement.source]}
            {requirement.severity === 'billing' ? ' · weighs as a failure at billed sites, a warning at free sites' : requirement.severity === 'warn' ? ' · a warning, never a failure' : ''}
          </div>
        </dd>
      </dl>
    </section>
  )
}
