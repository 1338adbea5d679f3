/**
 * Sizing for charts: a fixed width/height when given (print, report, jsdom tests, which measure
 * every element as 0×0), otherwise the container's width at a fixed height.
 */
import type { ReactElement } from 'react'
import { ResponsiveContainer } from 'recharts'

export interface ChartSize {
  /** Fixed width in px; omitted: fill the container's width. */
  readonly width?: number
  /** Height in px. */
  readonly height?: number
}

/** Renders `render(width, height)` at a fixed size, or inside a ResponsiveContainer. */
export function ChartFrame(props: ChartSize & { readonly defaultHeight: number; readonly children: (size: { width?: number; height: number }) => ReactElement }) {
  const height = props.height ?? props.defaultHeight
  if (props.width !== undefined) return props.children({ width: props.width, height })
  return (
    <ResponsiveContainer width="100%" height={height}>
      {props.children({ height })}
    </ResponsiveContainer>
  )
}
