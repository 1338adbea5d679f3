/** Names as shown (issue 16 item 9): visible text, never markup, never a crash on a missing name; cut names keep the whole name in title. */
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Name, nameText, shortName } from '../../../src/renderer/src/components/name'

afterEach(cleanup)

describe('Name', () => {
  it('shows a right-to-left override as [U+202E], not applied, in a direction-isolated text node', () => {
    const { container } = render(<Name text={'stall\u202Egnp.exe'} />)
    const bdi = container.querySelector('bdi')
    expect(bdi?.textContent).toBe('stall[U+202E]gnp.exe')
    expect(container.textContent).not.toContain('\u202E')
    // Wrapped names are whole on screen: no title needed.
    expect(bdi?.getAttribute('title')).toBeNull()
  })

  it('a cut name (line or clamp) has its whole visible name in title; focusable only when asked', () => {
    const long = `Level P2 ${'north ramp bay '.repeat(9)}<b>x</b>`
    const { container } = render(
      <>
        <Name text={long} fit="clamp" />
        <Name text={long} fit="line" focusable />
      </>
    )
    const [clamp, line] = [...container.querySelectorAll('bdi')]
    expect(clamp?.getAttribute('title')).toBe(long)
    expect(clamp?.className).toContain('name-clamp')
    expect(clamp?.hasAttribute('tabindex')).toBe(false)
    expect(line?.getAttribute('tabindex')).toBe('0')
    expect(container.querySelector('b')).toBeNull()
  })

  it('a missing or empty name (an older file, a new location) shows its stand-in, never throws', () => {
    const { container } = render(
      <>
        <Name text={undefined} empty="Unnamed location" />
        <Name text="" />
      </>
    )
    expect(container.textContent).toBe('Unnamed location—')
    expect(nameText(undefined, 'the location')).toBe('the location')
    expect(nameText(null)).toBe('')
    expect(nameText('a\u0000b')).toBe('a[U+0000]b')
  })

  it('shortName cuts only what is drawn, with an ellipsis', () => {
    expect(shortName('Level P1 – stall 3', 24)).toBe('Level P1 – stall 3')
    expect(shortName('Level P1 north ramp bay beside the lift', 12)).toBe('Level P1 no…')
    expect(shortName('\u202Eabc', 20)).toBe('[U+202E]abc')
  })
})
