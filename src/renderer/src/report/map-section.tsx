/**
 * The report's maps (issue 11 item 5): a page per level with its plan, the signal heatmap, a pin
 * per location (glyph, word, name, signal) and the legend; and, on each location's page, where the
 * location is. The plan and heatmap are rasterised onto one canvas (an image in the PDF); pins and
 * labels stay vector text. The print page waits for every map canvas to be drawn
 * (`data-map-pending`, report-main.tsx).
 */
import { shortName } from '../components/name'
import { useEffect, useMemo, useRef } from 'react'
import { formatDistance, toMetres } from '../../../shared/map/geometry'
import { computeHeatmap, paintHeatmap } from '../../../shared/map/heatmap'
import { heatPoints, heatRadiusPx } from '../../../shared/map/heat-points'
import { locationPins, pinSignalText, type LocationPin } from '../../../shared/map/pins'
import { planDataUrl, planProblem } from '../../../shared/map/plan-image'
import type { Verdict } from '../../../shared/model/finding'
import type { Survey } from '../../../shared/model/survey'
import type { Level, Plan } from '../../../shared/model/survey-map'
import { judgeSurvey, PROFILE } from '../../../shared/requirements'
import { VERDICT_GLYPH, VERDICT_LABEL } from '../../../shared/requirements/labels'
import { bandCss, bandLegend, BAND_PALETTE, radiusText, UNMEASURED_STRIPE } from '../map/band-palette'
import { BAND } from '../../../shared/map/heatmap'
import { UserText } from './user-text'
import { PALETTE } from '../charts/palette'

/** Longest side of a rasterised plan: sharp at A4 width, a few hundred KB per level. */
const RASTER_MAX_PX = 1800

/** The plan (and the heatmap over it) drawn onto one canvas. */
function PlanRaster({ plan, level, survey, heatmap, maxPx }: { readonly plan: Plan; readonly level: Level; readonly survey: Survey; readonly heatmap: boolean; readonly maxPx: number }) {
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const scale = Math.min(1, maxPx / Math.max(plan.widthPx, plan.heightPx))
  const w = Math.round(plan.widthPx * scale)
  const h = Math.round(plan.heightPx * scale)
  const heat = useMemo(() => {
    if (!heatmap) return null
    const grid = computeHeatmap({ widthPx: plan.widthPx, heightPx: plan.heightPx, points: heatPoints(survey, level.id), radiusPx: heatRadiusPx(level), thresholds: PROFILE.parameters.signal })
    return { grid, pixels: paintHeatmap(grid, BAND_PALETTE, UNMEASURED_STRIPE) }
  }, [heatmap, level, plan.heightPx, plan.widthPx, survey])

  useEffect(() => {
    const el = canvas.current
    if (el === null) return
    let live = true
    const img = new Image()
    img.src = planDataUrl(plan)
    const done = (): void => {
      delete el.dataset.mapPending
    }
    img
      .decode()
      .then(() => {
        if (!live) return
        const ctx = el.getContext('2d')
        if (ctx === null) return done()
        ctx.fillStyle = PALETTE.paper
        ctx.fillRect(0, 0, w, h)
        ctx.drawImage(img, 0, 0, w, h)
        if (heat !== null) {
          const cells = document.createElement('canvas')
          cells.width = heat.grid.cols
          cells.height = heat.grid.rows
          cells.getContext('2d')?.putImageData(new ImageData(heat.pixels, heat.grid.cols, heat.grid.rows), 0, 0)
          ctx.imageSmoothingEnabled = false
          ctx.drawImage(cells, 0, 0, heat.grid.cols * heat.grid.cellPx * scale, heat.grid.rows * heat.grid.cellPx * scale)
        }
        done()
      })
      .catch(() => {
        if (live) done() // drawn blank; the page's text says the plan could not be drawn
      })
    return () => {
      live = false
    }
  }, [h, heat, plan, scale, w])

  return <canvas ref={canvas} className="rpt-map-canvas" width={w} height={h} data-map-pending="" aria-label={`Floor plan of ${level.name}`} />
}

const PIN_FILL: Readonly<Record<Verdict, string>> = { ready: PALETTE.ok, 'ready-with-warnings': PALETTE.warn, 'not-ready': PALETTE.fail, incomplete: PALETTE.unknown }

/** Rough width of a pin's two-line label (average glyph 0.6 em), for its backing box. */
function labelWidth(p: LocationPin, font: number): number {
  return Math.max(shortName(p.name, 28, 'Unnamed location').length, (p.word.length + pinSignalText(p).length + 3) * 0.85) * font * 0.6 + font * 0.4
}

/** The pins over a plan, as SVG in plan coordinates (text stays text in the PDF). */
function Pins({ plan, pins, highlight, size = 1 }: { readonly plan: Plan; readonly pins: readonly LocationPin[]; readonly highlight?: string; readonly size?: number }) {
  const r = (Math.max(plan.widthPx, plan.heightPx) / 64) * size
  const font = r * 1.15
  return (
    <svg className="rpt-map-pins" viewBox={`0 0 ${plan.widthPx} ${plan.heightPx}`} aria-hidden="true">
      {/* Labels first, markers over them: a neighbour's label never hides a pin. */}
      {pins.map((p) => (
        <g key={`label-${p.id}`} opacity={highlight === undefined || highlight === p.id ? 1 : 0.35}>
          {/* A plain backing box, not a text stroke: a stroked label prints as a second copy of its text. */}
          <rect x={p.position.x + r * 1.15} y={p.position.y - r * 1.2} width={labelWidth(p, font)} height={font * 2.35} rx={font / 4} fill={PALETTE.surface} fillOpacity={0.85} />
          <text x={p.position.x + r * 1.3} y={p.position.y - r * 0.15} fontSize={font} fontWeight={700} fill={PALETTE.text}>
            {shortName(p.name, 28, 'Unnamed location')}
          </text>
          <text x={p.position.x + r * 1.3} y={p.position.y + font * 0.95} fontSize={font * 0.85} fill={PALETTE.text}>
            {p.word} · {pinSignalText(p)}
          </text>
        </g>
      ))}
      {pins.map((p) => (
        <g key={`pin-${p.id}`} opacity={highlight === undefined || highlight === p.id ? 1 : 0.35}>
          <circle cx={p.position.x} cy={p.position.y} r={r} fill={PIN_FILL[p.verdict]} stroke={PALETTE['on-strong']} strokeWidth={r / 5} />
          <text x={p.position.x} y={p.position.y + font * 0.36} fontSize={font} textAnchor="middle" fill={PALETTE['on-strong']} fontWeight={700}>
            {p.glyph}
          </text>
        </g>
      ))}
    </svg>
  )
}

function Legend({ survey, level }: { readonly survey: Survey; readonly level: Level }) {
  return (
    <div className="rpt-map-legend">
      <p className="rpt-small">
        <strong>Pins</strong>{' '}
        {/* Cast: VERDICT_LABEL has exactly one key per Verdict. */}
        {(Object.keys(VERDICT_LABEL) as Verdict[]).map((v) => (
          <span key={v} className="rpt-map-key">
            <span className="rpt-map-glyph" style={{ background: PIN_FILL[v] }}>
              {VERDICT_GLYPH[v]}
            </span>{' '}
            {VERDICT_LABEL[v]}
          </span>
        ))}
        {' '}· each with the stall name and the best 2.4 GHz signal of {survey.targetSsid}.
      </p>
      <p className="rpt-small">
        <strong>Heatmap (WIFI-SIGNAL)</strong>{' '}
        {bandLegend(PROFILE.parameters.signal, radiusText(level.scale !== null, survey.map.units)).map((row) => (
          <span key={row.band} className={`rpt-map-key rpt-band-${row.band}`}>
            <span className="rpt-map-swatch" style={row.band === BAND.unmeasured ? undefined : { background: bandCss(row.band) }} /> {row.word}: {row.range}
          </span>
        ))}
      </p>
      <p className="rpt-small rpt-muted">
        Inverse-distance weighting of the measured points on this level (stalls and survey points between them), exact at each point; nothing is claimed farther than{' '}
        {radiusText(level.scale !== null, survey.map.units)} from every measured point.
      </p>
    </div>
  )
}

/** One page per level that has a plan. */
export function MapSections({ survey }: { readonly survey: Survey }) {
  const judgement = useMemo(() => judgeSurvey(PROFILE, survey), [survey])
  return (
    <>
      {survey.map.levels.map((level) => {
        const plan = level.plan
        if (plan === null) return null
        const problem = planProblem(plan)
        const pins = locationPins(survey, judgement, level.id)
        return (
          <section key={level.id} className="rpt-page rpt-map-page" data-section="map" data-level-id={level.id}>
            <h2>
              Map — level <UserText text={level.name} />
            </h2>
            <p className="rpt-small rpt-muted">
              {pins.length} location{pins.length === 1 ? '' : 's'} on this level · plan <UserText text={plan.fileName} /> ({plan.widthPx} × {plan.heightPx} px)
              {level.scale === null ? ' · no scale set: distances are not shown' : ''}
            </p>
            {problem !== null ? (
              <p>
                <UserText text={`${problem[0]?.toUpperCase() ?? ''}${problem.slice(1)}.`} />
              </p>
            ) : (
              <div className="rpt-map-frame" style={{ aspectRatio: `${plan.widthPx} / ${plan.heightPx}` }}>
                <PlanRaster plan={plan} level={level} survey={survey} heatmap maxPx={RASTER_MAX_PX} />
                <Pins plan={plan} pins={pins} />
              </div>
            )}
            <Legend survey={survey} level={level} />
          </section>
        )
      })}
    </>
  )
}

/** On a location's page: where it is (level, metres, a small map with its pin). Nothing when unplaced. */
export function LocationWhere({ survey, locationId }: { readonly survey: Survey; readonly locationId: string }) {
  const judgement = useMemo(() => judgeSurvey(PROFILE, survey), [survey])
  const location = survey.locations.find((l) => l.id === locationId)
  const level = survey.map.levels.find((l) => l.id === location?.placement?.levelId)
  if (location === undefined || level === undefined) return null
  const position = location.placement?.position ?? null
  const metres = position === null ? null : toMetres(level, position)
  const plan = level.plan
  return (
    <div className="rpt-where">
      <p className="rpt-small">
        <strong>Where:</strong> level <UserText text={level.name} />
        {metres !== null ? `, ${formatDistance(metres.x, survey.map.units)} from the plan's left edge and ${formatDistance(metres.y, survey.map.units)} from its top` : position === null ? ' (not pinned on the plan)' : ' (the plan has no scale)'}
      </p>
      {plan !== null && position !== null && planProblem(plan) === null ? (
        <div className="rpt-map-frame rpt-where-map" style={{ aspectRatio: `${plan.widthPx} / ${plan.heightPx}` }}>
          <PlanRaster plan={plan} level={level} survey={survey} heatmap={false} maxPx={900} />
          <Pins plan={plan} pins={locationPins(survey, judgement, level.id)} highlight={location.id} size={1.5} />
        </div>
      ) : null}
    </div>
  )
}
