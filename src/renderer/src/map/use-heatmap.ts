/**
 * The heatmap of the shown level, computed in a Web Worker (one per map view) and drawn onto a
 * canvas of one pixel per cell, scaled up over the plan by CSS. Where no Worker exists (jsdom
 * tests) it is computed in place.
 */
import { useEffect, useRef, type RefObject } from 'react'
import { computeHeatmap, paintHeatmap, type HeatmapInput } from '../../../shared/map/heatmap'
import { BAND_PALETTE, UNMEASURED_STRIPE } from './band-palette'
import type { HeatmapReply, HeatmapRequest } from './heatmap-protocol'

function draw(canvas: HTMLCanvasElement, reply: HeatmapReply): void {
  canvas.width = reply.cols
  canvas.height = reply.rows
  canvas.dataset.cellPx = String(reply.cellPx)
  canvas.dataset.ms = reply.ms.toFixed(1)
  const ctx = canvas.getContext('2d')
  if (ctx === null) return
  ctx.putImageData(new ImageData(reply.pixels, reply.cols, reply.rows), 0, 0)
}

/** Keeps `canvas` painted with the heatmap of `input` (null: nothing to draw). */
export function useHeatmap(canvas: RefObject<HTMLCanvasElement | null>, input: HeatmapInput | null): void {
  const worker = useRef<Worker | null>(null)
  const seq = useRef(0)

  useEffect(() => {
    if (typeof Worker === 'undefined') return
    const w = new Worker(new URL('./heatmap-worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (event: MessageEvent<HeatmapReply>) => {
      // A reply to an older request than the newest one is stale: the survey changed meanwhile.
      if (event.data.seq === seq.current && canvas.current !== null) draw(canvas.current, event.data)
    }
    worker.current = w
    return () => {
      w.terminate()
      worker.current = null
    }
  }, [canvas])

  useEffect(() => {
    if (input === null) return
    seq.current += 1
    const request: HeatmapRequest = { seq: seq.current, input }
    if (worker.current !== null) {
      worker.current.postMessage(request)
      return
    }
    if (canvas.current === null) return
    const start = performance.now()
    const grid = computeHeatmap(input)
    draw(canvas.current, { seq: request.seq, cols: grid.cols, rows: grid.rows, cellPx: grid.cellPx, pixels: paintHeatmap(grid, BAND_PALETTE, UNMEASURED_STRIPE), ms: performance.now() - start })
  }, [canvas, input])
}
