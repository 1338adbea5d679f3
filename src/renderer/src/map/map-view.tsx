/**
 * The plan of one level with its overlays: the heatmap (a canvas painted by the worker), the
 * survey points and the location pins; pan by dragging the plan, zoom with the wheel or the
 * buttons, drag a pin to move it, click to select or (in a placing mode) to place.
 *
 * Pan and zoom write the stage's CSS transform directly (no React render per frame): the plan, the
 * heatmap and the pins move as one composited layer, and pins keep their size through a CSS
 * variable. That is what keeps pan and zoom at display rate (scripts/bench/map-view.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { Name, nameText } from '../components/name'
import { formatDistance, metresPerPixel, scaleBarLength, toMetresFromUnit } from '../../../shared/map/geometry'
import type { HeatmapInput } from '../../../shared/map/heatmap'
import { heatPoints, heatRadiusPx } from '../../../shared/map/heat-points'
import { pinSignalText, type LocationPin } from '../../../shared/map/pins'
import { planDataUrl } from '../../../shared/map/plan-image'
import type { Survey } from '../../../shared/model/survey'
import type { Level, Plan, PlanPoint } from '../../../shared/model/survey-map'
import { PROFILE } from '../../../shared/requirements'
import { targetSignal } from '../../../shared/requirements/target-signal'
import type { MapUi } from './map-ui-store'
import { useHeatmap } from './use-heatmap'

/** Screen pixels a press may move and still be a click. */
const CLICK_SLOP_PX = 4
const MIN_ZOOM = 0.02
const MAX_ZOOM = 8

interface View {
  x: number
  y: number
  z: number
}

/** What the view reports back. */
export interface MapViewActions {
  readonly onPlanClick: (at: PlanPoint) => void
  readonly onSelect: (kind: 'location' | 'point', id: string) => void
  readonly onMovePin: (kind: 'location' | 'point', id: string, to: PlanPoint) => void
  readonly onPlanError: (message: string) => void
}

function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z))
}

/** A pin's drag in progress: which, from where, and whether it moved beyond a click. */
interface Drag {
  readonly kind: 'location' | 'point' | 'pan'
  readonly id: string
  readonly startX: number
  readonly startY: number
  readonly origin: PlanPoint | View
  moved: boolean
  element: HTMLElement | null
}

function ScaleLine({ a, b }: { readonly a: PlanPoint; readonly b: PlanPoint | null }) {
  return (
    <g className="map-scale-line">
      <circle cx={a.x} cy={a.y} r={6} />
      {b !== null ? (
        <>
          <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
          <circle cx={b.x} cy={b.y} r={6} />
        </>
      ) : null}
    </g>
  )
}

/** The map of one level. */
export function MapView({
  survey,
  level,
  plan,
  pins,
  ui,
  editable,
  actions
}: {
  readonly survey: Survey
  readonly level: Level
  readonly plan: Plan
  readonly pins: readonly LocationPin[]
  readonly ui: MapUi
  readonly editable: boolean
  readonly actions: MapViewActions
}) {
  const viewport = useRef<HTMLDivElement | null>(null)
  const stage = useRef<HTMLDivElement | null>(null)
  const scaleBar = useRef<HTMLDivElement | null>(null)
  const heatCanvas = useRef<HTMLCanvasElement | null>(null)
  const view = useRef<View>({ x: 0, y: 0, z: 1 })
  const drag = useRef<Drag | null>(null)
  const [zoomText, setZoomText] = useState('100 %')
  const mpp = level.scale === null ? null : metresPerPixel(level.scale)
  const units = survey.map.units

  const apply = useCallback((): void => {
    const v = view.current
    const el = stage.current
    if (el === null) return
    el.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.z})`
    el.style.setProperty('--inv-zoom', String(1 / v.z))
    const bar = scaleBar.current
    if (bar !== null && mpp !== null) {
      const len = scaleBarLength(mpp / v.z, 160, units)
      const line = bar.firstElementChild
      if (line instanceof HTMLElement) line.style.width = `${len.px}px`
      const text = bar.lastElementChild
      if (text !== null) text.textContent = formatDistance(toMetresFromUnit(len.value, units), units)
    }
  }, [mpp, units])

  const commitZoomText = useCallback(() => setZoomText(`${Math.round(view.current.z * 100)} %`), [])

  const fit = useCallback((): void => {
    const vp = viewport.current
    if (vp === null) return
    const z = clampZoom(Math.min(vp.clientWidth / plan.widthPx, vp.clientHeight / plan.heightPx) * 0.96)
    view.current = { z, x: (vp.clientWidth - plan.widthPx * z) / 2, y: (vp.clientHeight - plan.heightPx * z) / 2 }
    apply()
    commitZoomText()
  }, [apply, commitZoomText, plan.heightPx, plan.widthPx])

  // Fit the plan when the level (or its plan) changes; re-apply when the scale bar's inputs change.
  useLayoutEffect(fit, [fit, level.id])
  useLayoutEffect(apply, [apply])

  const zoomAt = useCallback(
    (factor: number, sx: number, sy: number): void => {
      const v = view.current
      const z = clampZoom(v.z * factor)
      // Keep the plan point under (sx, sy) where it is.
      view.current = { z, x: sx - ((sx - v.x) * z) / v.z, y: sy - ((sy - v.y) * z) / v.z }
      apply()
    },
    [apply]
  )

  useEffect(() => {
    const vp = viewport.current
    if (vp === null) return
    let settle: ReturnType<typeof setTimeout> | undefined
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault()
      const rect = vp.getBoundingClientRect()
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top)
      clearTimeout(settle)
      settle = setTimeout(commitZoomText, 120)
    }
    // Not passive: the wheel zooms the plan instead of scrolling the page.
    vp.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      vp.removeEventListener('wheel', onWheel)
      clearTimeout(settle)
    }
  }, [commitZoomText, zoomAt])

  const toPlan = (clientX: number, clientY: number): PlanPoint => {
    const rect = viewport.current?.getBoundingClientRect()
    const v = view.current
    return { x: (clientX - (rect?.left ?? 0) - v.x) / v.z, y: (clientY - (rect?.top ?? 0) - v.y) / v.z }
  }

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-pin-kind]') : null
    const kind = target?.dataset.pinKind
    const id = target?.dataset.pinId
    if (target !== null && (kind === 'location' || kind === 'point') && id !== undefined && ui.mode.kind === 'view') {
      const origin = kind === 'location' ? pins.find((p) => p.id === id)?.position : survey.map.points.find((p) => p.id === id)?.position
      if (origin === undefined) return
      drag.current = { kind, id, startX: e.clientX, startY: e.clientY, origin, moved: false, element: target }
    } else {
      drag.current = { kind: 'pan', id: '', startX: e.clientX, startY: e.clientY, origin: { ...view.current }, moved: false, element: null }
    }
    e.currentTarget.setPointerCapture(e.pointerId)
  }

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    if (d === null) return
    const dx = e.clientX - d.startX
    const dy = e.clientY - d.startY
    if (!d.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return
    d.moved = true
    if (d.kind === 'pan') {
      // Cast: a pan's origin is the view it started from (set in onPointerDown).
      const o = d.origin as View
      view.current = { z: o.z, x: o.x + dx, y: o.y + dy }
      apply()
    } else if (editable && d.element !== null) {
      const o = d.origin
      const z = view.current.z
      d.element.style.left = `${o.x + dx / z}px`
      d.element.style.top = `${o.y + dy / z}px`
    }
  }

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    drag.current = null
    if (d === null) return
    if (d.kind === 'pan') {
      if (!d.moved) actions.onPlanClick(toPlan(e.clientX, e.clientY))
      return
    }
    if (!d.moved) {
      actions.onSelect(d.kind, d.id)
      return
    }
    if (!editable) return
    const z = view.current.z
    const o = d.origin
    const to = { x: Math.min(plan.widthPx, Math.max(0, o.x + (e.clientX - d.startX) / z)), y: Math.min(plan.heightPx, Math.max(0, o.y + (e.clientY - d.startY) / z)) }
    actions.onMovePin(d.kind, d.id, { x: Math.round(to.x * 10) / 10, y: Math.round(to.y * 10) / 10 })
  }

  const heatInput = useMemo((): HeatmapInput | null => {
    if (!ui.overlays.heatmap) return null
    return { widthPx: plan.widthPx, heightPx: plan.heightPx, points: heatPoints(survey, level.id), radiusPx: heatRadiusPx(level), thresholds: PROFILE.parameters.signal }
  }, [level, plan.heightPx, plan.widthPx, survey, ui.overlays.heatmap])
  useHeatmap(heatCanvas, heatInput)

  const points = survey.map.points.filter((p) => p.levelId === level.id)
  const scaleMode = ui.mode.kind === 'scale' ? ui.mode : null
  const placing = ui.mode.kind !== 'view'

  return (
    <div
      className={placing ? 'map-viewport placing' : 'map-viewport'}
      ref={viewport}
      data-testid="map-viewport"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
    >
      <div className="map-stage" ref={stage} style={{ width: plan.widthPx, height: plan.heightPx }}>
        <img
          className="map-plan"
          src={planDataUrl(plan)}
          alt={`Floor plan of ${level.name} (${plan.fileName})`}
          width={plan.widthPx}
          height={plan.heightPx}
          draggable={false}
          onError={() => actions.onPlanError(`The plan ${plan.fileName} of level ${level.name} could not be drawn: the image data is damaged. Everything else in the survey is as saved; import the plan again.`)}
        />
        {ui.overlays.heatmap ? <canvas className="map-heat" ref={heatCanvas} data-testid="map-heatmap" aria-hidden="true" /> : null}
        {scaleMode?.a ? (
          <svg className="map-overlay-svg" viewBox={`0 0 ${plan.widthPx} ${plan.heightPx}`} aria-hidden="true">
            <ScaleLine a={scaleMode.a} b={scaleMode.b} />
          </svg>
        ) : null}
        {ui.overlays.points
          ? points.map((p) => {
              const latest = p.measurements.at(-1)
              const dbm = latest === undefined ? null : (targetSignal(latest.observations, survey.targetSsid)?.signalDbm ?? null)
              const text = latest === undefined ? 'not measured' : dbm === null ? 'not heard' : `${dbm} dBm`
              const selected = ui.selected?.kind === 'point' && ui.selected.id === p.id
              return (
                <button
                  key={p.id}
                  type="button"
                  className={selected ? 'map-point selected' : 'map-point'}
                  style={{ left: p.position.x, top: p.position.y }}
                  data-pin-kind="point"
                  data-pin-id={p.id}
                  // A click with no pointer (Enter or Space on the focused button) selects: the map works from the keyboard.
                  onClick={(e) => (e.detail === 0 ? actions.onSelect('point', p.id) : undefined)}
                  aria-label={`Survey point, ${text}`}
                  aria-pressed={selected}
                >
                  <span className="map-point-dot" aria-hidden="true" />
                  <span className="map-point-text">{text}</span>
                </button>
              )
            })
          : null}
        {ui.overlays.pins
          ? pins.map((pin) => {
              const selected = ui.selected?.kind === 'location' && ui.selected.id === pin.id
              return (
                <button
                  key={pin.id}
                  type="button"
                  className={`map-pin pin-${pin.verdict}${selected ? ' selected' : ''}`}
                  style={{ left: pin.position.x, top: pin.position.y }}
                  data-pin-kind="location"
                  data-pin-id={pin.id}
                  onClick={(e) => (e.detail === 0 ? actions.onSelect('location', pin.id) : undefined)}
                  aria-pressed={selected}
                  // The visible text, in its order (WCAG 2.5.3: a speech user says what they see).
                  aria-label={`${nameText(pin.name, 'Unnamed location')} ${pin.word} · ${pinSignalText(pin)}`}
                >
                  <span className="map-pin-body">
                    <span className="map-pin-glyph" aria-hidden="true">
                      {pin.glyph}
                    </span>
                    <span className="map-pin-text">
                      <Name text={pin.name} fit="line" empty="Unnamed location" className="map-pin-name" />{' '}
                      <span className="map-pin-meta">
                        {pin.word} · {pinSignalText(pin)}
                      </span>
                    </span>
                  </span>
                </button>
              )
            })
          : null}
      </div>
      <div className="map-scalebar" ref={scaleBar} aria-label="Scale bar">
        {mpp === null ? (
          <span className="map-scalebar-none">No scale set: distances are not shown</span>
        ) : (
          <>
            <span className="map-scalebar-line" />
            <span className="map-scalebar-text" />
          </>
        )}
      </div>
      <div className="map-zoom" onPointerDown={(e) => e.stopPropagation()}>
        <button type="button" className="btn btn-small" aria-label="Zoom in" onClick={() => (zoomAt(1.25, (viewport.current?.clientWidth ?? 0) / 2, (viewport.current?.clientHeight ?? 0) / 2), commitZoomText())}>
          +
        </button>
        <span className="map-zoom-text" aria-live="polite">
          {zoomText}
        </span>
        <button type="button" className="btn btn-small" aria-label="Zoom out" onClick={() => (zoomAt(0.8, (viewport.current?.clientWidth ?? 0) / 2, (viewport.current?.clientHeight ?? 0) / 2), commitZoomText())}>
          −
        </button>
        <button type="button" className="btn btn-small" onClick={fit}>
          Fit
        </button>
      </div>
    </div>
  )
}
