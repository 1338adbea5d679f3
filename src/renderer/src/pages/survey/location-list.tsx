/** The survey's planned charger locations, each with its verdict; add one at the bottom. */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { LimitedInput } from '../../components/fields'
import { Name } from '../../components/name'
import type { Survey } from '../../../../shared/model/survey'
import type { SurveyJudgement } from '../../../../shared/requirements'
import { VerdictBadge } from '../../components/badges'
import { addLocation, newId } from '../../state/survey-edits'
import { setCurrentLocation, updateSurvey } from '../../state/survey-store'

/** The locations list (a listbox-like set of buttons; the current one is marked). */
export function LocationList({
  survey,
  judgement,
  currentId,
  readOnly
}: {
  readonly survey: Survey
  readonly judgement: SurveyJudgement
  readonly currentId: string | null
  readonly readOnly: boolean
}) {
  const [name, setName] = useState('')
  const input = useRef<HTMLInputElement>(null)
  // A survey just created (or still empty) goes on with its first location: the focus goes there.
  const empty = survey.locations.length === 0
  useEffect(() => {
    if (empty && !readOnly) input.current?.focus()
  }, [empty, readOnly])
  const add = (e: FormEvent): void => {
    e.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') return
    const id = newId()
    updateSurvey(addLocation(id, trimmed))
    setCurrentLocation(id)
    setName('')
    // The Add button is disabled again with the field empty: the focus goes back to the field, for the next stall.
    input.current?.focus()
  }
  return (
    <section className="card locations" aria-labelledby="locations-title">
      <div className="card-header">
        <h2 id="locations-title">Locations</h2>
        <span className="muted">{survey.locations.length}</span>
      </div>
      {survey.locations.length === 0 ? (
        <p className="muted pad">No locations yet. Add each planned charger position, e.g. “Level P2 – stall 14”.</p>
      ) : (
        <ul className="location-list">
          {judgement.locations.map(({ location: l, verdict: v }) => {
            return (
              <li key={l.id}>
                <button
                  type="button"
                  className={l.id === currentId ? 'location-item current' : 'location-item'}
                  aria-current={l.id === currentId ? 'true' : undefined}
                  onClick={() => setCurrentLocation(l.id)}
                >
                  <Name text={l.name} fit="clamp" empty="Unnamed location" className="location-name" />
                  <span className="location-meta">
                    <VerdictBadge verdict={v.verdict} reason={v.reason} />
                    <span className="muted small">
                      {l.measurements.length === 0 ? 'not measured' : `${l.measurements.length} measurement${l.measurements.length === 1 ? '' : 's'}`}
                    </span>
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {!readOnly ? (
        <form className="add-location" onSubmit={add}>
          <label htmlFor="new-location" className="add-location-label">
            New location name
          </label>
          <LimitedInput id="new-location" inputRef={input} value={name} limit="locationName" fieldName="the location name" placeholder="e.g. Level P2 – stall 14" onChange={setName} />
          <button type="submit" className="btn" disabled={name.trim() === ''}>
            Add location
          </button>
        </form>
      ) : null}
    </section>
  )
}
