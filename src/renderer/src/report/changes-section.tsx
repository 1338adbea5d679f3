/**
 * "Changes since <date>": the report's before/after page when it is compared with an earlier
 * survey of the site (the Report page's "Compare with", `wc-survey report --compare OLD`).
 */
import { CHANGE_GLYPH, CHANGE_LABEL, comparisonSummaryLine, formatDeltaDb, type SurveyComparison } from '../../../shared/compare/compare-surveys'
import { filteredLocations, type LocationChangeView } from '../compare/change-view'
import { VerdictChip } from './chips'
import { formatDate, formatDateTime, siteZone } from '../../../shared/text/date-time'
import { RESULT_LABEL } from '../../../shared/requirements/labels'
import { UserText } from './user-text'

function ChangeRow(props: { readonly view: LocationChangeView }) {
  const { change, notable, note } = props.view
  return (
    <tr>
      <td>
        <strong>
          <UserText text={change.name} />
        </strong>
        {change.oldName !== change.name && (
          <div className="rpt-small rpt-muted">
            was <UserText text={change.oldName} />
          </div>
        )}
      </td>
      <td>
        <VerdictChip verdict={change.verdict.old} /> → <VerdictChip verdict={change.verdict.new} />
      </td>
      <td className="rpt-num">{formatDeltaDb(change.signalDeltaDb)}</td>
      <td>
        {note !== null && <div className="rpt-small rpt-muted">{note}</div>}
        {notable.length > 0 && (
          <ul className="rpt-changes">
            {notable.map((c) => (
              <li key={c.requirement} className={`rpt-change rpt-k-${c.kind}`}>
                <span className="rpt-change-kind">
                  <span aria-hidden="true">{CHANGE_GLYPH[c.kind]}</span> {CHANGE_LABEL[c.kind]}
                </span>{' '}
                <span className="rpt-id">
                  <UserText text={c.requirement} />
                </span>{' '}
                <span className="rpt-small">
                  {c.old === null ? 'not measured' : RESULT_LABEL[c.old]} → {c.new === null ? 'not measured' : RESULT_LABEL[c.new]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  )
}

/** The section; `comparison.older` is the earlier survey, `comparison.newer` this report's. */
export function ChangesSection(props: { readonly comparison: SurveyComparison }) {
  const c = props.comparison
  const older = c.older.survey
  // One site, so one zone: this report's (the earlier survey may predate recording it).
  const zone = siteZone(c.newer.survey.site.timeZone ?? older.site.timeZone)
  const rows = filteredLocations(c, 'all')
  return (
    <section className="rpt-page" data-section="changes">
      <h2>Changes since {formatDate(older.createdAt, zone)}</h2>
      <p>
        Compared with the survey of {formatDateTime(older.createdAt, zone)}
        {c.linked ? ' (this survey re-surveys it: locations matched by identity)' : ' (locations matched by name)'}. Both are judged with this report&apos;s requirement
        profile, so the figures do not depend on what the earlier software recorded.
      </p>
      <p>
        Site verdict: <VerdictChip verdict={c.older.judgement.verdict} /> → <VerdictChip verdict={c.newer.judgement.verdict} />
      </p>
      <p className="rpt-changes-summary">
        <strong>
          <UserText text={comparisonSummaryLine(c)} />
        </strong>
      </p>
      {c.warnings.map((w) => (
        <p key={w} className="rpt-small rpt-warn-note">
          <UserText text={w} />
        </p>
      ))}
      {rows.length > 0 && (
        <table className="rpt-changes-table">
          <thead>
            <tr>
              <th className="rpt-c-loc">Location</th>
              <th className="rpt-c-verdict">Verdict then → now</th>
              <th className="rpt-num rpt-c-signal">Signal change</th>
              <th>What changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((view) => (
              <ChangeRow key={view.change.newId} view={view} />
            ))}
          </tbody>
        </table>
      )}
      {c.unmatched.old.length > 0 && (
        <p>
          Only in the earlier survey: <UserText text={c.unmatched.old.join('; ')} />
        </p>
      )}
      {c.unmatched.new.length > 0 && (
        <p>
          New in this survey: <UserText text={c.unmatched.new.join('; ')} />
        </p>
      )}
      <p className="rpt-small rpt-muted">
        Fixed: the requirement now passes (or only warns) where it failed, or passes where it warned. Regressed: the reverse. Changed: to or from unknown. Signal change: the
        chargers&apos; network, strongest 2.4 GHz access point, this survey minus the earlier one.
      </p>
    </section>
  )
}
