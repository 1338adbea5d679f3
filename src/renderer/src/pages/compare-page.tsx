/**
 * Compare page: before and after at one site. Pick two surveys (a re-survey and its origin, or
 * any two); both are judged afresh with this build's profile. A location × requirement matrix of
 * changes (colour + glyph, the word in the legend, the cell's label and the list below), filters
 * (regressions only, fixed only) and the summary line.
 */
import { useEffect, useMemo, useState } from 'react'
import {
  CHANGE_GLYPH,
  CHANGE_KINDS,
  CHANGE_LABEL,
  comparisonSummaryLine,
  compareSurveys,
  formatDeltaDb,
  type ChangeKind,
  type SurveyComparison
} from '../../../shared/compare/compare-surveys'
import type { LibraryEntry } from '../../../shared/contract'
import { PROFILE } from '../../../shared/requirements'
import { VerdictBadge } from '../components/badges'
import { EmptyState } from '../components/empty-state'
import { Spinner } from '../components/spinner'
import { filteredLocations, kindCounts, type ChangeFilter, type LocationChangeView } from '../compare/change-view'
import { MatrixHead } from '../compliance/matrix'
import { MATRIX_COLUMNS } from '../compliance/selectors'
import { compareSurveysAt } from '../state/commands'
import { useCompare, type CompareSide } from '../state/compare-store'
import { refreshLibrary, useLibrary } from '../state/library-store'
import { groupBySite } from '../../../shared/compare/site-groups'
import { formatDateTime, siteZone } from '../../../shared/text/date-time'
import { resultLabel } from '../state/selectors'
import { useSurveyState } from '../state/survey-store'
import '../compliance/compliance.css'
import '../compare/compare.css'
import { visibleText } from '../../../shared/text/hidden-chars'
import { Name, nameText, shortName } from '../components/name'

const FILTERS: readonly { readonly id: ChangeFilter; readonly label: string }[] = [
  { id: 'all', label: 'All locations' },
  { id: 'regressed', label: 'Regressions only' },
  { id: 'fixed', label: 'Fixed only' }
]

const MEANING: Readonly<Record<ChangeKind, string>> = {
  regressed: 'worse than before',
  fixed: 'better than before',
  changed: 'to or from unknown',
  'still-failing': 'failed both times',
  'still-passing': 'passed both times',
  new: 'measured only now',
  gone: 'measured only before'
}

function resultWord(r: Parameters<typeof resultLabel>[0] | null): string {
  return r === null ? 'not measured' : resultLabel(r)
}

function ChangeLegend() {
  return (
    <ul className="cmp-legend" aria-label="Legend">
      {CHANGE_KINDS.map((k) => (
        <li key={k}>
          <span className={`cmp-glyph chg-k-${k}`} aria-hidden="true">
            {CHANGE_GLYPH[k]}
          </span>
          <strong>{CHANGE_LABEL[k]}</strong> {MEANING[k]}
        </li>
      ))}
    </ul>
  )
}

function LocationHeader({ view }: { readonly view: LocationChangeView }) {
  const l = view.change
  return (
    <th scope="row" className="cmp-loc chg-loc">
      <Name text={l.name} fit="clamp" className="cmp-loc-name" />
      {l.oldName !== l.name ? (
        <span className="chg-was">
          was <Name text={l.oldName} fit="clamp" />
        </span>
      ) : null}
      <span className="chg-verdicts">
        <VerdictBadge verdict={l.verdict.old} /> → <VerdictBadge verdict={l.verdict.new} />
      </span>
      <span className="chg-signal">signal {formatDeltaDb(l.signalDeltaDb)}</span>
    </th>
  )
}

function ChangeMatrix({ rows }: { readonly rows: readonly LocationChangeView[] }) {
  return (
    <div className="cmp-matrix-wrap">
      <table className="cmp-matrix chg-matrix">
        <MatrixHead />
        <tbody>
          {rows.map((view) => {
            const byId = new Map(view.change.changes.map((c) => [c.requirement, c]))
            return (
              <tr key={view.change.newId}>
                <LocationHeader view={view} />
                {view.change.changes.length === 0 ? (
                  <td colSpan={MATRIX_COLUMNS.length} className="cmp-not-measured">
                    {view.note}
                  </td>
                ) : (
                  MATRIX_COLUMNS.map((col) => {
                    const c = byId.get(col.id)
                    if (c === undefined) return <td key={col.id} className="cmp-cell-empty" />
                    const label = `${nameText(view.change.name)}, ${col.id}: ${CHANGE_LABEL[c.kind]} (${resultWord(c.old)} → ${resultWord(c.new)})`
                    return (
                      <td key={col.id} className="cmp-cell-td">
                        <span className={`cmp-cell chg-cell chg-k-${c.kind}`} role="img" aria-label={label} title={label}>
                          <span aria-hidden="true">{CHANGE_GLYPH[c.kind]}</span>
                        </span>
                      </td>
                    )
                  })
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** Per location, in words: what changed (every kind but "still passing"). */
function ChangeList({ rows }: { readonly rows: readonly LocationChangeView[] }) {
  return (
    <ul className="chg-list">
      {rows.map((view) => (
        <li key={view.change.newId}>
          <strong className="chg-list-name">
            <Name text={view.change.name} />
          </strong>
          {view.note !== null ? <span className="muted"> {view.note}</span> : null}
          {view.notable.length > 0 ? (
            <ul className="chg-items">
              {view.notable.map((c) => (
                <li key={c.requirement} className={`chg-item chg-k-${c.kind}`}>
                  <span aria-hidden="true">{CHANGE_GLYPH[c.kind]}</span> {CHANGE_LABEL[c.kind]} <code>{visibleText(c.requirement)}</code>{' '}
                  <span className="chg-results">
                    {resultWord(c.old)} → {resultWord(c.new)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Comparison({ comparison }: { readonly comparison: SurveyComparison }) {
  const [filter, setFilter] = useState<ChangeFilter>('all')
  const rows = useMemo(() => filteredLocations(comparison, filter), [comparison, filter])
  const counts = useMemo(() => kindCounts(comparison), [comparison])
  const { older, newer, unmatched } = comparison
  return (
    <>
      <section className={`cmp-verdict verdict-${newer.judgement.verdict}`} aria-label="Summary of changes">
        <p className="chg-summary">{comparisonSummaryLine(comparison)}</p>
        <p className="cmp-verdict-meta">
          Site verdict <VerdictBadge verdict={older.judgement.verdict} /> → <VerdictBadge verdict={newer.judgement.verdict} /> · both judged with this build's requirement
          profile {newer.judgement.profileVersion} · locations matched {comparison.linked ? 'by identity (a re-survey), then by name' : 'by name'}
        </p>
      </section>
      {comparison.warnings.map((w) => (
        <p key={w} className="inline-warning" role="note">
          {w}
        </p>
      ))}
      <section className="cmp-summary" aria-label="Changes by kind">
        {(['regressed', 'fixed', 'still-failing', 'changed'] as const).map((k) => (
          <div key={k} className={`cmp-count chg-k-${k}`}>
            <span className="cmp-count-glyph" aria-hidden="true">
              {CHANGE_GLYPH[k]}
            </span>
            <span className="cmp-count-n">{counts[k]}</span>
            <span className="cmp-count-label">{CHANGE_LABEL[k]}</span>
          </div>
        ))}
      </section>
      <section className="card cmp-card" aria-label="Changes by location">
        <div className="cmp-card-head">
          <div className="segmented" role="radiogroup" aria-label="Show">
            {FILTERS.map((f) => (
              <button key={f.id} type="button" role="radio" aria-checked={filter === f.id} className={filter === f.id ? 'segment active' : 'segment'} onClick={() => setFilter(f.id)}>
                {f.label}
              </button>
            ))}
          </div>
          <ChangeLegend />
        </div>
        {rows.length === 0 ? (
          <p className="muted">{filter === 'regressed' ? 'Nothing regressed.' : filter === 'fixed' ? 'Nothing was fixed.' : 'No location is in both surveys.'}</p>
        ) : (
          <>
            <ChangeMatrix rows={rows} />
            <h2 className="chg-subhead">What changed</h2>
            <ChangeList rows={rows} />
          </>
        )}
        {unmatched.old.length > 0 ? (
          <p className="chg-unmatched">
            <strong>Only in the older survey:</strong> {unmatched.old.join('; ')}
          </p>
        ) : null}
        {unmatched.new.length > 0 ? (
          <p className="chg-unmatched">
            <strong>Only in the newer survey:</strong> {unmatched.new.join('; ')}
          </p>
        ) : null}
      </section>
    </>
  )
}

/** A survey in a picker: its site name cut short (the whole name is the option's title), so its date shows. */
function surveyLabel(row: LibraryEntry): string {
  return `${shortName(row.siteName, 48, row.fileName)} — ${formatDateTime(row.createdAt)} (${row.fileName})`
}

/** The two pickers; the open survey and the survey before it are the default. */
function PairPicker({ older, newer }: { readonly older: CompareSide | null; readonly newer: CompareSide | null }) {
  const library = useLibrary()
  const open = useSurveyState()
  const readable = useMemo(() => groupBySite(library.surveys.filter((s) => s.error === null)).flatMap((g) => g.rows), [library.surveys])
  const defaults = useMemo(() => {
    const group = groupBySite(readable).find((g) => g.rows.some((r) => r.handle === open.handle))
    const at = group ? group.rows.findIndex((r) => r.handle === open.handle) : -1
    return { newer: at >= 0 ? (open.handle ?? '') : '', older: group?.rows[at + 1]?.handle ?? '' }
  }, [readable, open.handle])
  const [a, setA] = useState(older?.handle ?? defaults.older)
  const [b, setB] = useState(newer?.handle ?? defaults.newer)
  useEffect(() => {
    void refreshLibrary()
  }, [])
  const options = readable.map((r) => (
    <option key={r.handle} value={r.handle} title={nameText(r.siteName, r.fileName)}>
      {surveyLabel(r)}
    </option>
  ))
  return (
    <form
      className="chg-picker"
      aria-label="Surveys to compare"
      onSubmit={(e) => {
        e.preventDefault()
        if (a !== '' && b !== '') void compareSurveysAt(a, b)
      }}
    >
      <label>
        <span>Before</span>
        <select value={a} onChange={(e) => setA(e.target.value)}>
          <option value="">Choose a survey…</option>
          {options}
        </select>
      </label>
      <label>
        <span>After</span>
        <select value={b} onChange={(e) => setB(e.target.value)}>
          <option value="">Choose a survey…</option>
          {options}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={a === '' || b === ''}>
        Compare
      </button>
    </form>
  )
}

/** The Compare page. */
export function ComparePage() {
  const pair = useCompare()
  const open = useSurveyState()
  // The survey open for editing is read live from its store: a stall measured a moment ago counts.
  const live = (side: CompareSide | null) => (side !== null && open.survey !== null && side.handle === open.handle ? open.survey : (side?.survey ?? null))
  const older = live(pair.older)
  const newer = live(pair.newer)
  const comparison = useMemo(() => (older !== null && newer !== null ? compareSurveys(PROFILE, older, newer) : null), [older, newer])
  return (
    <div className="page cmp-page chg-page">
      <header className="cmp-head">
        <div>
          <h1>Compare</h1>
          <p className="muted">
            {comparison
              ? `${nameText(comparison.newer.survey.site.name, 'Untitled site')}: ${formatDateTime(comparison.older.survey.createdAt, siteZone(comparison.older.survey.site.timeZone))} → ${formatDateTime(comparison.newer.survey.createdAt, siteZone(comparison.newer.survey.site.timeZone))}`
              : 'Before and after at a site: what was fixed, what regressed, what still fails.'}
          </p>
        </div>
        {pair.loading ? <Spinner label="Loading the surveys" /> : null}
      </header>
      <PairPicker key={`${pair.older?.handle ?? ''}|${pair.newer?.handle ?? ''}`} older={pair.older} newer={pair.newer} />
      {pair.error !== null ? (
        <p className="inline-error" role="alert">
          {pair.error}
        </p>
      ) : null}
      {comparison ? (
        <Comparison comparison={comparison} />
      ) : (
        <EmptyState title="Choose two surveys">
          <p>Pick the first visit and the re-survey (or any two surveys of a site), then Compare. In the library, "Compare with previous" does this in one click.</p>
        </EmptyState>
      )}
    </div>
  )
}
