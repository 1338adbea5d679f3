/**
 * The surveying company on the report's cover (issue 16 item 7a): logo, name and contact as text,
 * hostile text never markup, blank fields left out, and nothing at all when no company is set.
 * Expectations written by hand from the companies below.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { EMPTY_COMPANY, type Company } from '../../../src/shared/model/company'
import { addressOnOneLine } from '../../../src/renderer/src/report/cover'
import { ReportDocument } from '../../../src/renderer/src/report/report-document'
import { makeSurvey } from '../support/fixtures'

afterEach(cleanup)

/** A 1×1 PNG's bytes, base64 (the logo as main stored it). */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

const company: Company = {
  name: 'Voltline Electric <img src=x onerror=alert(1)>',
  phone: '+44 20 7946 0321',
  email: 'survey@voltline.example',
  website: '',
  address: 'Unit 4, Dock Road\nLondon E16 1AA',
  logo: { mediaType: 'image/png', data: PNG_1PX, widthPx: 1, heightPx: 1 }
}

function cover(c: Company | null | undefined): HTMLElement {
  const { container } = render(<ReportDocument survey={makeSurvey()} paper="A4" company={c} />)
  // The cover is the first section (report-document.tsx).
  const section = container.querySelector<HTMLElement>('[data-section="cover"]')
  if (section === null) throw new Error('no cover')
  return section
}

describe('the company block on the report cover', () => {
  it('shows the logo as an <img> of the stored PNG, then the name, contact and address as text', () => {
    const section = cover(company)
    const block = within(section).getByTestId('report-company')
    // Letterhead first on page 1, sharing its row with the kicker, before the DRAFT note and the title.
    expect(section.firstElementChild?.firstElementChild).toBe(block)
    expect(section.firstElementChild?.textContent).toContain('Wall Connector network site survey')
    expect(section.querySelectorAll('.rpt-kicker')).toHaveLength(1)
    const logo = within(block).getByRole('img')
    expect(logo.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1PX}`)
    expect(logo.getAttribute('alt')).toBe('Voltline Electric <img src=x onerror=alert(1)> logo')
    // The markup in the name is text: no second image, the characters shown as typed.
    expect(block.querySelectorAll('img')).toHaveLength(1)
    expect(block.querySelector('.rpt-company-name')?.textContent).toBe('Voltline Electric <img src=x onerror=alert(1)>')
    // Contact and address in one run (the address's lines joined), the blank website left out.
    const run = [...block.querySelectorAll('.rpt-company-contact span')].map((span) => span.textContent)
    expect(run).toEqual(['+44 20 7946 0321', 'survey@voltline.example', 'Unit 4, Dock Road, London E16 1AA'])
  })

  it('joins the address lines with one comma each', () => {
    expect(addressOnOneLine('Unit 4, Dock Road,\r\n\n  London E16 1AA  \nUK')).toBe('Unit 4, Dock Road, London E16 1AA, UK')
    expect(addressOnOneLine('  ')).toBe('')
  })

  it('shows a bidi override in the name as its code point, and no logo when none is set', () => {
    const block = within(cover({ ...EMPTY_COMPANY, name: 'Volt\u202Eenilt' })).getByTestId('report-company')
    expect(block.textContent).toBe('Volt[U+202E]enilt')
    expect(block.querySelector('img')).toBeNull()
    expect(block.querySelector('.rpt-company-contact')).toBeNull()
  })

  it('prints nothing when no company is set: null, absent, empty or only blanks', () => {
    for (const none of [null, undefined, EMPTY_COMPANY, { ...EMPTY_COMPANY, name: '  ', phone: '\t' }]) {
      const section = cover(none)
      expect(section.querySelector('.rpt-company')).toBeNull()
      expect(screen.queryByTestId('report-company')).toBeNull()
      expect(section.querySelector('address')).toBeNull()
      expect(section.querySelectorAll('img')).toHaveLength(0)
      expect(section.querySelector('.rpt-letterhead')).toBeNull()
      expect(section.querySelectorAll('.rpt-kicker')).toHaveLength(1)
      cleanup()
    }
  })
})
