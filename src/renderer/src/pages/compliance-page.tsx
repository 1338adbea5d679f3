/**
 * Compliance page: the survey's verdict and reason, a summary of results, the location ×
 * requirement matrix with a detail panel (evidence, remediation, the requirement's wording), and
 * the target SSID's signal per location against the WIFI-SIGNAL thresholds.
 *
 * Everything is judged here with the current requirement profile from each location's latest
 * measurement (the same engine as `wc-survey check`), so it always matches the stored observations.
 */
import { useMemo, useState } from 'react'
import type { FindingResult } from '../../../shared/model/finding'
import type { Survey } from '../../../shared/model/survey'
import { PROFILE, PROFILE_ID } from '../../../shared/requirements'
import { marginInUse } from '../../../shared/requirements/calibration'
import { VerdictBadge } from '../components/badges'
import { EmptyState } from '../components/empty-state'
import { Name, nameText } from '../components/name'
import { ResultsByLocation, SignalByLocation } from '../compliance/charts'
import { FindingDetail } from '../compliance/finding-detail'
import { ComplianceMatrix, RequirementKey, ResultLegend, type CellRef } from '../compliance/matrix'
import { complianceModel, firstProblem, MATRIX_COLUMNS, RESULT_GLYPH } from '../compliance/selectors'
import { resultLabel } from '../state/selectors'
import { useSurveyState } from '../state/survey-store'
import '../compliance/compliance.css'

export interface ComplianceViewProps {
  readonly survey: Survey
  /** Fixed chart width (px) for tests and print; omitted: charts fill their column. */
  readonly chartWidth?: number
}

/** The compliance view of one survey (presentational: the survey comes in as a prop). */
export function ComplianceView({ survey, chartWidth }: ComplianceViewProps) {
  const model = useMemo(() => complianceModel(survey), [survey])
  const [picked, setPicked] = useState<CellRef | null>(null)
  const selected = picked ?? firstProblem(model.rows)
  const row = selected ? model.rows.find((r) => r.locationId === selected.locationId) : undefined
  const finding = selected ? row?.cells.get(selected.requirement) : undefined
  const column = selected ? MATRIX_COLUMNS.find((c) => c.id === selected.requirement) : undefined
  const { judgement, counts } = model
  const total = counts.pass + counts.warn + counts.fail + counts.unknown
  const measured = model.rows.filter((r) => r.measured).length
  const signal = PROFILE.parameters.signal

  return (
    <div className="page cmp-page">
      <header className="cmp-head">
        <div>
          <h1>Compliance</h1>
          <p className="muted">
            <Name text={survey.site.name} empty="Untitled site" /> · chargers' network{' '}
            <strong className="cmp-ssid">
              <Name text={survey.targetSsid} empty="(not set)" />
            </strong>{' '}
            ·{' '}
            {survey.site.billingMode === 'billed' ? 'billed charging: internet required' : 'free charging: internet optional'}
          </p>
        </div>
      </header>

      <section className={`cmp-verdict verdict-${judgement.verdict}`} aria-label="Survey verdict">
        <VerdictBadge verdict={judgement.verdict} />
        <p className="cmp-verdict-reason">{judgement.reason}</p>
        <p className="cmp-verdict-meta muted">
          {measured} of {model.rows.length} locations measured · judged with requirement profile {PROFILE_ID} {judgement.profileVersion} from each location's latest
          measurement
        </p>
      </section>

      <section className="cmp-summary" aria-label="Summary of results">
        {(['fail', 'unknown', 'warn', 'pass'] as const).map((r: FindingResult) => (
          <div key={r} className={`cmp-count result-${r}`}>
            <span className="cmp-count-glyph" aria-hidden="true">
              {RESULT_GLYPH[r]}
            </span>
            <span className="cmp-count-n">{counts[r]}</span>
            <span className="cmp-count-label">{resultLabel(r)}</span>
          </div>
        ))}
        <p className="muted cmp-count-note">{total} findings across {measured} measured locations</p>
      </section>

      {model.rows.length === 0 ? (
        <EmptyState title="No locations yet">
          <p>Add the planned charger locations on the Survey page and measure each one.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card cmp-card" aria-label="Requirements by location">
            <div className="cmp-card-head">
              <h2>Requirements by location</h2>
              <ResultLegend />
            </div>
            <ComplianceMatrix rows={model.rows} newer={model.newerRequirements} selected={selected} onSelect={setPicked} />
            {row && finding && column ? (
              <FindingDetail locationName={row.name} finding={finding} requirement={column.requirement} />
            ) : (
              <p className="muted cmp-detail-hint">Click a cell to see the evidence, what to do, and the requirement's wording.</p>
            )}
            <RequirementKey newer={model.newerRequirements} />
          </section>

          <div className="cmp-charts">
            <section className="card cmp-card" aria-label="Signal by location">
              <h2>
                Signal of "<Name text={survey.targetSsid} />" at each location
              </h2>
              <p className="muted">
                Strongest 2.4 GHz access point. WIFI-SIGNAL: pass at {signal.passDbm} dBm or better, warning down to {signal.warnDbm} dBm, fail below (survey practice, not a
                vendor figure{marginInUse(survey, signal.laptopMarginDb) !== 0 ? `; ${marginInUse(survey, signal.laptopMarginDb)} dB laptop margin applied${survey.calibration ? ` (${survey.calibration.source}, n = ${survey.calibration.n})` : ''}` : ''}).
              </p>
              <SignalByLocation rows={model.signal} thresholds={{ pass: signal.passDbm, warn: signal.warnDbm }} width={chartWidth} />
              {model.signal.some((s) => s.dbm === null) ? (
                <p className="muted cmp-chart-note">
                  Not shown: {model.signal.filter((s) => s.dbm === null).map((s) => `${nameText(s.name, 'Unnamed location')} (${s.result === null ? 'not measured' : 'no 2.4 GHz signal of the network'})`).join(', ')}
                </p>
              ) : null}
            </section>
            <section className="card cmp-card" aria-label="Results by location">
              <h2>Results by location</h2>
              <p className="muted">How many of the {MATRIX_COLUMNS.length} requirements pass, warn, fail or are unknown.</p>
              <ResultsByLocation rows={model.rows} width={chartWidth} />
            </section>
          </div>
        </>
      )}
    </div>
  )
}

/** The compliance page of the open survey (from the survey store). */
export function CompliancePage() {
  const { survey } = useSurveyState()
  if (survey === null) {
    return (
      <div className="page">
        <EmptyState title="No survey open">
          <p>Open a survey from the Library (or the sample survey) to see whether each location is ready.</p>
        </EmptyState>
      </div>
    )
  }
  return <ComplianceView survey={survey} />
}
