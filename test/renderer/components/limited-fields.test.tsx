/** Fields counted against TEXT_LIMITS (issue 16 item 9): the count, and a change past the limit refused with a message, never cut. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { LimitedInput, TextArea, TextField } from '../../../src/renderer/src/components/fields'

afterEach(cleanup)

function Harness({ initial }: { readonly initial: string }) {
  const [site, setSite] = useState(initial)
  const [location, setLocation] = useState('')
  const [notes, setNotes] = useState('')
  return (
    <>
      <TextField label="Site name" limit="siteName" value={site} onChange={setSite} />
      <label htmlFor="loc">New location name</label>
      <LimitedInput id="loc" limit="locationName" fieldName="the location name" value={location} onChange={setLocation} />
      <TextArea label="Notes" limit="siteNotes" value={notes} onChange={setNotes} />
      <output data-testid="site">{site}</output>
    </>
  )
}

// role textbox on a TextField is its <input>
const siteInput = () => screen.getByRole('textbox', { name: 'Site name' }) as HTMLInputElement
const description = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')

describe('fields counted against their limit', () => {
  it('the count is the description, shown from half the limit on (site name: 200)', () => {
    render(<Harness initial={'a'.repeat(99)} />)
    const count = document.getElementById(`${siteInput().id}-count`)
    expect(description(siteInput())).toBe('99 / 200 characters')
    expect(count?.hidden).toBe(true)
    fireEvent.change(siteInput(), { target: { value: 'a'.repeat(130) } })
    expect(description(siteInput())).toBe('130 / 200 characters')
    expect(count?.hidden).toBe(false)
    expect(screen.queryAllByRole('alert')).toEqual([])
  })

  it('a paste past the limit is refused with a message naming field, length and limit; the text stays as it was', () => {
    render(<Harness initial={'b'.repeat(190)} />)
    fireEvent.change(siteInput(), { target: { value: 'b'.repeat(190) + 'c'.repeat(15) } })
    expect(screen.getByTestId('site').textContent).toBe('b'.repeat(190))
    expect(siteInput().value).toBe('b'.repeat(190))
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts).toContain('Not changed: Site name would be 205 characters, over its limit of 200. Nothing was cut; shorten the text and try again.')
    // Exactly the limit is taken, and the refusal goes.
    fireEvent.change(siteInput(), { target: { value: 'b'.repeat(200) } })
    expect(screen.getByTestId('site').textContent).toBe('b'.repeat(200))
    expect(screen.queryAllByRole('alert')).toEqual([])
    expect(description(siteInput())).toBe('200 / 200 characters')
  })

  it('a bare LimitedInput and a TextArea refuse the same way (location name 200, notes 20,000)', () => {
    render(<Harness initial="" />)
    const loc = screen.getByRole('textbox', { name: 'New location name' }) as HTMLInputElement // LimitedInput renders an <input>
    fireEvent.change(loc, { target: { value: 'L'.repeat(201) } })
    expect(loc.value).toBe('')
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Not changed: the location name would be 201 characters, over its limit of 200. Nothing was cut; shorten the text and try again.')
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement // TextArea renders a <textarea>
    fireEvent.change(notes, { target: { value: 'n'.repeat(20001) } })
    expect(notes.value).toBe('')
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Not changed: Notes would be 20,001 characters, over its limit of 20,000. Nothing was cut; shorten the text and try again.')
    expect(loc.maxLength).toBe(-1)
  })
})
