/**
 * A survey written by a newer build (schema v6 fixture: a stored WIFI-ROAM finding and a NET-OCPP
 * probe check at Level P1 – stall 3): the matrix has a column for each requirement ID this build
 * does not know, and says in words what the location page says — unknown (written by a newer
 * version), never a pass. Expectations read by hand from the fixture.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateSurvey } from '../../../src/main/survey/migrate'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { ComplianceView } from '../../../src/renderer/src/pages/compliance-page'
import v6NewerNames from '../../fixtures/surveys/v6-garage-newer-names.wcsurvey?raw'

afterEach(cleanup)

function newerBuildSurvey(): Survey {
  // Cast: the fixture is a JSON object (a v6 survey file).
  return surveySchema.parse(migrateSurvey(JSON.parse(v6NewerNames) as Record<string, unknown>, 6))
}

describe('compliance matrix: requirement IDs written by a newer version', { timeout: 30000 }, () => {
  it('has a column for each, under "Written by a newer version", after the known ones', () => {
    render(<ComplianceView survey={newerBuildSurvey()} chartWidth={600} />)
    const grid = screen.getByRole('grid', { name: 'Compliance by location and requirement' })
    const heads = within(grid).getAllByRole('columnheader').map((h) => h.textContent)
    // The profile's last column is WC-SIGNAL (installed chargers).
    expect(heads.slice(-3)).toEqual(['WC-SIGNAL', 'WIFI-ROAM', 'NET-OCPP'])
    const group = within(grid).getByRole('columnheader', { name: 'Written by a newer version' })
    expect(group.getAttribute('colspan')).toBe('2')
  })

  it('the stall where the newer version judged them reads unknown (written by a newer version), with the unknown glyph; the other stall has no cell there', () => {
    render(<ComplianceView survey={newerBuildSurvey()} chartWidth={600} />)
    for (const id of ['WIFI-ROAM', 'NET-OCPP']) {
      const said = screen.getByText(`Level P1 – stall 3, ${id}: unknown (written by a newer version)`)
      // Cast: the words are a span inside the cell's span (matrix.tsx NewerCell), an HTML element.
      const cell = said.parentElement as HTMLElement
      expect(cell.className).toContain('result-unknown')
      expect(cell.textContent).toBe(`?Level P1 – stall 3, ${id}: unknown (written by a newer version)`)
    }
    // Cast: a row header always sits in a <tr>.
    const p2 = screen.getByRole('rowheader', { name: /Level P2 – stall 14/ }).closest('tr') as HTMLElement
    const cells = [...p2.querySelectorAll('td')]
    expect(cells.slice(-2).map((td) => td.className)).toEqual(['cmp-cell-empty', 'cmp-cell-empty'])
    expect(screen.queryByText(/Level P2 – stall 14, (WIFI-ROAM|NET-OCPP)/)).toBeNull()
  })

  it('the key under the matrix says what those columns are', () => {
    render(<ComplianceView survey={newerBuildSurvey()} chartWidth={600} />)
    // Cast: the summary's text is inside the key's <details>.
    const key = screen.getByText('What the columns check').closest('details') as HTMLElement
    expect(within(key).getByText('WIFI-ROAM').nextSibling?.textContent).toBe('unknown (written by a newer version)')
    expect(within(key).getByText('NET-OCPP').nextSibling?.textContent).toBe('unknown (written by a newer version)')
  })
})
