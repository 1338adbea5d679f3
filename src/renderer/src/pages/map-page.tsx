/**
 * The garage map (issue 11): levels with their floor plans, the scale, a pin per location
 * (verdict glyph and word, stall name, best 2.4 GHz signal), survey points between stalls, the
 * signal heatmap, and the unplaced locations beside the map. Click a pin for its findings and to
 * measure there.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { LimitedInput } from '../components/fields'
import { formatDistance, toMetres, toMetresFromUnit } from '../../../shared/map/geometry'
import { BAND } from '../../../shared/map/heatmap'
import { heatRadiusPx } from '../../../shared/map/heat-points'
import { locationPins, pinSignalText, unpinnedLocations } from '../../../shared/map/pins'
import { planProblem, PLAN_LIMITS_TEXT } from '../../../shared/map/plan-image'
import type { Survey } from '../../../shared/model/survey'
import type { Level } from '../../../shared/model/survey-map'
import { judgeSurvey, PROFILE, type SurveyJudgement } from '../../../shared/requirements'
import { targetSignal } from '../../../shared/requirements/target-signal'
import { ResultBadge, VerdictBadge } from '../components/badges'
import { ConfirmButton } from '../components/confirm-button'
import { EmptyState } from '../components/empty-state'
import { Name, nameText } from '../components/name'
import { bandCss, bandLegend, radiusText } from '../map/band-palette'
import { PdfPageChoice, PlanImportButton, usePlanImport } from '../map/plan-import-controls'
import { addLevel, addPoint, movePoint, placeLocation, removeLevel, removePoint, renameLevel, setScale, setUnits, unplaceLocation } from '../map/map-edits'
import { mapUiStore, setMapUi, viewMode, type MapUi } from '../map/map-ui-store'
import { MapView } from '../map/map-view'
import { measurePoint } from '../state/measure-store'
import { navigate } from '../state/nav-store'
import { showNotice } from '../state/notice-store'
import { newId } from '../state/survey-edits'
import { setCurrentLocation, updateSurvey, useSurveyState } from '../state/survey-store'
import { NoSurveyPage } from './no-survey-page'
import { MeasurePanel } from './survey/measure-panel'
import '../map/map.css'

function AddLevelForm({ count }: { readonly count: number }) {
  const [name, setName] = useState('')
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const id = newId()
    updateSurvey(addLevel(id, name.trim() || `P${count + 1}`))
    setMapUi({ levelId: id, selected: null })
    setName('')
  }
  return (
    <form className="map-add-level" onSubmit={submit}>
      <label htmlFor="map-level-name" className="visually-hidden">
        New level name
      </label>
      <LimitedInput id="map-level-name" value={name} limit="levelName" fieldName="the level name" placeholder={`e.g. P${count + 1} – upper deck`} onChange={setName} />
      <button type="submit" className="btn btn-small">
        Add level
      </button>
    </form>
  )
}

function ScaleForm({ survey, level, ui }: { readonly survey: Survey; readonly level: Level; readonly ui: MapUi }) {
  const [distance, setDistance] = useState('')
  if (ui.mode.kind !== 'scale') return null
  const { a, b } = ui.mode
  const unit = survey.map.units
  if (a === null || b === null) {
    return (
      <p className="map-hint" role="status">
        Set the scale: click {a === null ? 'the first' : 'the second'} of two points whose distance you know (a column grid, a stall row).{' '}
        <button type="button" className="btn btn-ghost btn-small" onClick={viewMode}>
          Cancel
        </button>
      </p>
    )
  }
  const value = Number(distance.replace(',', '.'))
  const valid = Number.isFinite(value) && value > 0
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (!valid) return
    updateSurvey(setScale(level.id, { a, b, metres: toMetresFromUnit(value, unit) }))
    viewMode()
  }
  return (
    <form className="map-hint map-scale-form" onSubmit={submit}>
      <label htmlFor="map-scale-distance">Distance between the two points ({unit})</label>
      <input id="map-scale-distance" type="text" inputMode="decimal" autoFocus value={distance} onChange={(e) => setDistance(e.target.value)} />
      <button type="submit" className="btn btn-primary btn-small" disabled={!valid}>
        Set scale
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={viewMode}>
        Cancel
      </button>
    </form>
  )
}

function Legend({ survey, level }: { readonly survey: Survey; readonly level: Level }) {
  const rows = bandLegend(PROFILE.parameters.signal, radiusText(level.scale !== null, survey.map.units))
  return (
    <div className="map-legend" aria-label="Heatmap legend">
      <span className="map-legend-title">2.4 GHz signal of {survey.targetSsid || 'the target network'} (WIFI-SIGNAL)</span>
      {rows.map((r) => (
        <span key={r.band} className={`map-legend-row band-${r.band}`}>
          {/* Unmeasured is hatched by its class, the bands are their heatmap colour. */}
          <span className="map-swatch" style={r.band === BAND.unmeasured ? undefined : { background: bandCss(r.band) }} aria-hidden="true" />
          <span className="map-legend-word">{r.word}</span> <span className="muted">{r.range}</span>
        </span>
      ))}
    </div>
  )
}

function LocationPanel({ survey, judgement, level, id, editable }: { readonly survey: Survey; readonly judgement: SurveyJudgement; readonly level: Level; readonly id: string; readonly editable: boolean }) {
  const j = judgement.locations.find((l) => l.location.id === id)
  if (j === undefined) return null
  const pin = locationPins(survey, judgement, level.id).find((p) => p.id === id)
  const position = j.location.placement?.position ?? null
  const metres = position === null ? null : toMetres(level, position)
  const notPassing = (j.findings ?? []).filter((f) => f.result !== 'pass')
  return (
    <section className="card map-detail" aria-labelledby="map-detail-title">
      <h2 id="map-detail-title">
        <Name text={j.location.name} empty="Unnamed location" />
      </h2>
      <p className="verdict-line">
        <VerdictBadge verdict={j.verdict.verdict} reason={j.verdict.reason} />
        <span>{j.verdict.reason}</span>
      </p>
      <p className="muted small">
        Level <Name text={level.name} empty="unnamed" />
        {metres !== null ? ` · ${formatDistance(metres.x, survey.map.units)} from the left, ${formatDistance(metres.y, survey.map.units)} from the top` : ''}
        {pin ? ` · best 2.4 GHz signal ${pinSignalText(pin)}` : ''}
      </p>
      <MeasurePanel locationId={j.location.id} readOnly={!editable} hasTarget={survey.targetSsid !== ''} />
      <h3>Findings</h3>
      {j.findings === null ? (
        <p className="muted">Not measured yet.</p>
      ) : notPassing.length === 0 ? (
        <p className="muted">Every requirement passes ({j.findings.length} findings).</p>
      ) : (
        <ul className="map-findings">
          {notPassing.map((f, i) => (
            <li key={`${f.requirement}-${i}`}>
              <span className="req-id">{f.requirement}</span> <ResultBadge result={f.result} /> {f.explanation}
            </li>
          ))}
        </ul>
      )}
      <div className="map-detail-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setCurrentLocation(j.location.id)
            navigate('survey')
          }}
        >
          Open on the survey page
        </button>
        {editable ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => (updateSurvey(unplaceLocation(j.location.id)), setMapUi({ selected: null }))}>
            Take off the map
          </button>
        ) : null}
      </div>
    </section>
  )
}

function PointPanel({ survey, id, editable }: { readonly survey: Survey; readonly id: string; readonly editable: boolean }) {
  const point = survey.map.points.find((p) => p.id === id)
  if (point === undefined) return null
  const latest = point.measurements.at(-1)
  const dbm = latest === undefined ? null : (targetSignal(latest.observations, survey.targetSsid)?.signalDbm ?? null)
  return (
    <section className="card map-detail" aria-labelledby="map-detail-title">
      <h2 id="map-detail-title">Survey point</h2>
      <p className="muted small">
        Not a charger location: its signal feeds the heatmap and never a verdict.{' '}
        {latest === undefined ? 'Not measured yet.' : `Best 2.4 GHz signal of the target: ${dbm === null ? 'not heard' : `${dbm} dBm`} (${point.measurements.length} measurement${point.measurements.length === 1 ? '' : 's'}).`}
      </p>
      <MeasurePanel locationId={point.id} readOnly={!editable} hasTarget={survey.targetSsid !== ''} measure={measurePoint} />
      {editable ? (
        <ConfirmButton label="Remove point" question="Remove this survey point and its measurements?" confirmLabel="Remove" onConfirm={() => (updateSurvey(removePoint(point.id)), setMapUi({ selected: null }))} />
      ) : null}
    </section>
  )
}

function Unplaced({ survey, level, editable, ui }: { readonly survey: Survey; readonly level: Level; readonly editable: boolean; readonly ui: MapUi }) {
  const list = unpinnedLocations(survey)
  return (
    <section className="card map-unplaced" aria-labelledby="map-unplaced-title">
      <h2 id="map-unplaced-title">Unplaced ({list.length})</h2>
      {list.length === 0 ? (
        <p className="muted small">Every location is on the map.</p>
      ) : (
        <ul className="map-unplaced-list">
          {list.map((l) => {
            const placingThis = ui.mode.kind === 'place' && ui.mode.locationId === l.id
            return (
              <li key={l.id}>
                <span className="map-unplaced-name">{l.name || 'Unnamed location'}</span>
                {editable && level.plan !== null ? (
                  <button type="button" className={placingThis ? 'btn btn-primary btn-small' : 'btn btn-small'} onClick={() => setMapUi({ mode: placingThis ? { kind: 'view' } : { kind: 'place', locationId: l.id } })}>
                    {placingThis ? 'Click the plan…' : 'Place'}
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      {editable && level.plan === null && list.length > 0 ? <p className="muted small">Import a plan for {level.name} to place locations on it.</p> : null}
    </section>
  )
}

/** The map page. */
export function MapPage() {
  const { survey, readOnly } = useSurveyState()
  const ui = mapUiStore.use()
  const judgement = useMemo(() => (survey === null ? null : judgeSurvey(PROFILE, survey)), [survey])
  const planImport = usePlanImport()

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') viewMode()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (survey === null || judgement === null) return <NoSurveyPage />
  const editable = !readOnly
  const level = survey.map.levels.find((l) => l.id === ui.levelId) ?? survey.map.levels[0] ?? null
  const damaged = level?.plan ? planProblem(level.plan) : null
  const pins = level === null ? [] : locationPins(survey, judgement, level.id)

  const onPlanClick = (at: { x: number; y: number }): void => {
    if (level === null || !editable) return
    const mode = ui.mode
    if (mode.kind === 'place') {
      updateSurvey(placeLocation(mode.locationId, level.id, at))
      setMapUi({ mode: { kind: 'view' }, selected: { kind: 'location', id: mode.locationId } })
    } else if (mode.kind === 'point') {
      const id = newId()
      updateSurvey(addPoint(id, level.id, at))
      setMapUi({ mode: { kind: 'view' }, selected: { kind: 'point', id } })
    } else if (mode.kind === 'scale') {
      setMapUi({ mode: mode.a === null ? { ...mode, a: at } : { ...mode, b: at } })
    } else setMapUi({ selected: null })
  }

  return (
    <div className="page map-page">
      {/* The level tabs are the visible title; the page's title is for assistive technology. */}
      <h1 className="visually-hidden">Map: {nameText(survey.site.name, 'Untitled site')}</h1>
      <div className="map-toolbar card">
        <div className="map-levels" role="tablist" aria-label="Levels">
          {survey.map.levels.map((l) => (
            <button key={l.id} type="button" role="tab" aria-selected={l.id === level?.id} className={l.id === level?.id ? 'map-level active' : 'map-level'} onClick={() => setMapUi({ levelId: l.id, selected: null, mode: { kind: 'view' } })}>
              <Name text={l.name} fit="line" empty="Unnamed level" />
            </button>
          ))}
        </div>
        {editable ? <AddLevelForm count={survey.map.levels.length} /> : null}
        <label className="inline-label">
          Units
          <select value={survey.map.units} disabled={!editable} onChange={(e) => updateSurvey(setUnits(e.target.value === 'ft' ? 'ft' : 'm'))}>
            <option value="m">metres</option>
            <option value="ft">feet</option>
          </select>
        </label>
        <fieldset className="map-overlays">
          <legend className="visually-hidden">Overlays</legend>
          {(['heatmap', 'pins', 'points'] as const).map((k) => (
            <label key={k} className="inline-label">
              <input type="checkbox" checked={ui.overlays[k]} onChange={(e) => setMapUi({ overlays: { ...ui.overlays, [k]: e.target.checked } })} />
              {k === 'heatmap' ? 'Heatmap' : k === 'pins' ? 'Locations' : 'Survey points'}
            </label>
          ))}
        </fieldset>
      </div>

      {level === null ? (
        <EmptyState title="No levels yet">
          <p>Add a level of the garage (e.g. P1), import its floor plan, set the scale, then place each charger location on it.</p>
          <p className="muted small">Plans: {PLAN_LIMITS_TEXT}. The plan is kept inside the survey file, exactly as imported.</p>
        </EmptyState>
      ) : (
        <div className="map-split">
          <div className="map-main">
            <div className="map-level-bar">
              <span className="inline-label">
                <label htmlFor="map-level-rename">Level name</label>
                <LimitedInput id="map-level-rename" value={level.name} disabled={!editable} limit="levelName" fieldName="the level name" onChange={(name) => updateSurvey(renameLevel(level.id, name))} />
              </span>
              {editable ? (
                <>
                  <PlanImportButton survey={survey} level={level} label={level.plan === null ? 'Import plan…' : 'Replace plan…'} state={planImport} />
                  <button type="button" className="btn btn-small" disabled={level.plan === null} onClick={() => setMapUi({ mode: { kind: 'scale', a: null, b: null } })}>
                    {level.scale === null ? 'Set scale' : 'Reset scale'}
                  </button>
                  <button type="button" className={ui.mode.kind === 'point' ? 'btn btn-primary btn-small' : 'btn btn-small'} disabled={level.plan === null} onClick={() => setMapUi({ mode: ui.mode.kind === 'point' ? { kind: 'view' } : { kind: 'point' } })}>
                    Add survey point
                  </button>
                  <ConfirmButton
                    label="Remove level"
                    question={`Remove level ${nameText(level.name, 'unnamed')}? Its locations become unplaced (their measurements stay); its survey points are removed.`}
                    confirmLabel="Remove"
                    onConfirm={() => (updateSurvey(removeLevel(level.id)), setMapUi({ levelId: null, selected: null }))}
                  />
                </>
              ) : null}
              <span className="muted small">{level.plan === null ? PLAN_LIMITS_TEXT : `${level.plan.fileName}, ${level.plan.widthPx} × ${level.plan.heightPx} px`}</span>
            </div>
            <PdfPageChoice survey={survey} state={planImport} />
            <ScaleForm key={`${level.id}-${ui.mode.kind}`} survey={survey} level={level} ui={ui} />
            {ui.mode.kind === 'place' ? (
              <p className="map-hint" role="status">
                Click the plan where {nameText(survey.locations.find((l) => l.id === (ui.mode.kind === 'place' ? ui.mode.locationId : ''))?.name, 'the location')} is. Esc cancels.
              </p>
            ) : ui.mode.kind === 'point' ? (
              <p className="map-hint" role="status">
                Click the plan where you stand to add a survey point (not a stall: it feeds the heatmap only). Esc cancels.
              </p>
            ) : null}
            {level.plan === null ? (
              <EmptyState title={`No plan for ${nameText(level.name, 'this level')} yet`}>
                <p>Import the floor plan of this level: {PLAN_LIMITS_TEXT}.</p>
              </EmptyState>
            ) : damaged !== null ? (
              <EmptyState title={`The plan of ${nameText(level.name, 'this level')} cannot be shown`}>
                <p>{damaged[0]?.toUpperCase()}{damaged.slice(1)}. Everything else in the survey is as saved; import the plan again.</p>
              </EmptyState>
            ) : (
              <MapView
                survey={survey}
                level={level}
                plan={level.plan}
                pins={pins}
                ui={ui}
                editable={editable}
                actions={{
                  onPlanClick,
                  onSelect: (kind, id) => setMapUi({ selected: { kind, id } }),
                  onMovePin: (kind, id, to) => updateSurvey(kind === 'location' ? placeLocation(id, level.id, to) : movePoint(id, to)),
                  onPlanError: (message) => showNotice({ tone: 'error', title: `Plan of ${nameText(level.name, 'this level')} damaged`, message })
                }}
              />
            )}
            {level.plan !== null && ui.overlays.heatmap ? <Legend survey={survey} level={level} /> : null}
            {level.plan !== null ? (
              <p className="muted small">
                Heatmap: inverse-distance weighting of the measured points (stalls and survey points) on this level, exact at each point; nothing is painted farther than{' '}
                {radiusText(level.scale !== null, survey.map.units)} ({Math.round(heatRadiusPx(level))} px) from every measured point.
              </p>
            ) : null}
          </div>
          <aside className="map-side">
            {ui.selected?.kind === 'location' ? (
              <LocationPanel survey={survey} judgement={judgement} level={level} id={ui.selected.id} editable={editable} />
            ) : ui.selected?.kind === 'point' ? (
              <PointPanel survey={survey} id={ui.selected.id} editable={editable} />
            ) : null}
            <Unplaced survey={survey} level={level} editable={editable} ui={ui} />
          </aside>
        </div>
      )}
    </div>
  )
}
