import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SpanShape } from '../../../src/renderer/src/charts/channel-chart'
import { SpanCanvas } from '../../../src/renderer/src/charts/span-canvas'

/** Two shapes written by hand: the target's (solid) and a dashed one. */
const SHAPES: SpanShape[] = [
  { key: 'a', points: [[10, 100], [12, 40], [30, 40], [32, 100]], color: '#d9480f', fillOpacity: 0.28, strokeWidth: 2.5, dashed: false, title: 'A' },
  { key: 'b', points: [[50, 100], [52, 70], [90, 70], [92, 100]], color: '#1c7ed6', fillOpacity: 0.08, strokeWidth: 1.2, dashed: true, title: 'B' }
]

/** A stand-in Worker recording what the page posts. */
class FakeWorker {
  static made: FakeWorker[] = []
  readonly messages: { message: unknown; transfer: unknown[] }[] = []
  onerror: (() => void) | null = null
  terminated = false
  constructor(readonly url: URL) {
    FakeWorker.made.push(this)
  }
  postMessage(message: unknown, transfer: unknown[] = []): void {
    this.messages.push({ message, transfer })
  }
  terminate(): void {
    this.terminated = true
  }
}

/** A 2D context recording the calls and the style in force when fill/stroke run. */
function recordingContext() {
  const calls: string[] = []
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    lineJoin: '',
    dash: new Array<number>(),
    setTransform: () => undefined,
    clearRect: () => undefined,
    translate: () => undefined,
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
    setLineDash: (d: number[]) => (ctx.dash = d),
    fill: () => calls.push(`fill ${ctx.fillStyle} ${ctx.globalAlpha}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle} ${ctx.lineWidth} [${ctx.dash.join(' ')}]`)
  }
  return { ctx, calls }
}

const OFFSCREEN = { offscreen: true }

function renderCanvas() {
  return render(
    <svg>
      <SpanCanvas shapes={SHAPES} left={0} top={0} width={200} height={120} band="2.4" />
    </svg>
  )
}

beforeEach(() => {
  FakeWorker.made = []
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  // Cast: the property was defined by the test itself (jsdom has none), so it may go again.
  delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen
})

describe('SpanCanvas', () => {
  it('hands its canvas to a worker and posts each frame packed: corners, colour, opacity, stroke, dash', () => {
    vi.stubGlobal('Worker', FakeWorker)
    const transfer = vi.fn(() => OFFSCREEN)
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', { value: transfer, configurable: true, writable: true })
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext')
    renderCanvas()

    expect(FakeWorker.made).toHaveLength(1)
    const worker = FakeWorker.made[0] as FakeWorker // the length was checked just above
    expect(worker.url.pathname).toMatch(/span-canvas-worker\.ts$/)
    expect(worker.messages[0]).toEqual({ message: { kind: 'init', canvas: OFFSCREEN }, transfer: [OFFSCREEN] })
    // Cast: the page's second message is a paint message (SpanWorkerMessage); the expectations check its fields.
    const paint = worker.messages[1]?.message as { kind: string; frame: { data: Float64Array; colors: string[]; width: number; height: number } }
    expect(paint.kind).toBe('paint')
    expect(paint.frame.colors).toEqual(['#d9480f', '#1c7ed6'])
    expect([...paint.frame.data]).toEqual([10, 100, 12, 40, 30, 40, 32, 100, 0, 0.28, 2.5, 0, 50, 100, 52, 70, 90, 70, 92, 100, 1, 0.08, 1.2, 1])
    expect([paint.frame.width, paint.frame.height]).toEqual([200, 120])
    // The page never draws on a canvas it handed over.
    expect(getContext).not.toHaveBeenCalled()
  })

  it('draws on the page, on a fresh canvas, when the worker fails', () => {
    vi.stubGlobal('Worker', FakeWorker)
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', { value: () => OFFSCREEN, configurable: true, writable: true })
    const { ctx, calls } = recordingContext()
    // Cast: the recording context has every member paintSpanFrame uses.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
    const { container } = renderCanvas()
    const handedOver = container.querySelector('canvas')
    const worker = FakeWorker.made[0] as FakeWorker // rendering made one (first test)
    act(() => worker.onerror?.())

    expect(worker.terminated).toBe(true)
    expect(container.querySelector('canvas')).not.toBe(handedOver)
    expect(calls).toEqual([
      'begin', 'M10,100', 'L12,40', 'L30,40', 'L32,100', 'fill #d9480f 0.28', 'stroke #d9480f 2.5 []',
      'begin', 'M50,100', 'L52,70', 'L90,70', 'L92,100', 'fill #1c7ed6 0.08', 'stroke #1c7ed6 1.2 [5 3]'
    ])
  })

  it('draws on the page where there is no Worker (jsdom, old engines)', () => {
    const { ctx, calls } = recordingContext()
    // Cast: as above.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
    renderCanvas()
    expect(calls.filter((c) => c.startsWith('fill'))).toEqual(['fill #d9480f 0.28', 'fill #1c7ed6 0.08'])
  })
})
