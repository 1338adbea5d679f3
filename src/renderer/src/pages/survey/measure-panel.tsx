/** The Measure button: a snapshot of several scans here, with progress and clear failures. */
import { Banner } from '../../components/banner'
import { measureLocation, useMeasure } from '../../state/measure-store'
import { setScansPerMeasure, settingsStore } from '../../state/settings-store'
import { useSurveyState } from '../../state/survey-store'

/** Measure controls for one location (or, with `measure={measurePoint}`, one survey point of the map). */
export function MeasurePanel({
  locationId,
  readOnly,
  hasTarget,
  onMeasured,
  measure: run = measureLocation,
  label = 'Measure'
}: {
  readonly locationId: string
  readonly readOnly: boolean
  readonly hasTarget: boolean
  /** Called after a measurement was added here (the detail shows its result). */
  readonly onMeasured?: () => void
  readonly measure?: (id: string, scans: number) => Promise<boolean>
  /** The button's text ("Measure at P1 – stall 3" on the Live scan page). */
  readonly label?: string
}) {
  const measure = useMeasure()
  const { writable } = useSurveyState()
  const { scansPerMeasure } = settingsStore.use()
  const runningHere = measure.running === locationId
  const busyElsewhere = measure.running !== null && !runningHere
  const failure = measure.failure?.locationId === locationId ? measure.failure.error : null
  const percent = measure.total > 0 ? Math.round((100 * measure.done) / measure.total) : 0
  return (
    <div className="measure">
      <div className="measure-row">
        {/* aria-disabled while measuring, not disabled: a disabled button drops the keyboard focus. */}
        <button
          type="button"
          className="btn btn-primary"
          disabled={readOnly}
          aria-disabled={measure.running !== null}
          onClick={() => {
            if (measure.running !== null) return
            void run(locationId, scansPerMeasure).then((added) => {
              if (added) onMeasured?.()
            })
          }}
        >
          {runningHere ? 'Measuring…' : label}
        </button>
        <label className="inline-label">
          Scans
          <select value={scansPerMeasure} disabled={measure.running !== null} onChange={(e) => setScansPerMeasure(Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6, 8, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {runningHere ? (
          <div className="progress" role="progressbar" aria-label="Measuring" aria-valuemin={0} aria-valuemax={measure.total} aria-valuenow={measure.done}>
            <progress max={100} value={percent} />
            <span className="muted small">
              Scan {Math.min(measure.done + 1, measure.total)} of {measure.total}
            </span>
          </div>
        ) : (
          <span className="muted small">
            {readOnly
              ? `Review mode: choose “${writable ? 'Edit survey' : 'Save a copy to edit'}” to measure.`
              : busyElsewhere
                ? 'Measuring another location…'
                : 'Stand at the charger position, then Measure. Each measurement is kept; the latest counts.'}
          </span>
        )}
      </div>
      {!hasTarget && !readOnly ? (
        <p className="inline-warning">Set the target network (SSID) in the site details, or every Wi-Fi requirement stays unknown.</p>
      ) : null}
      {failure ? (
        <Banner tone="error" title="Measuring failed" help={failure.help}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
    </div>
  )
}
