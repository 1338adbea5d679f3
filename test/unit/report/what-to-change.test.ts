/**
 * What to tell IT (issue 16 item 6): the checklist by who acts (src/shared/report/what-to-change),
 * "Copy for IT" and the findings CSV (it-ticket), CSV cells safe to open (src/shared/text/csv).
 * Expectations read by hand from the report fixture (test/fixtures/report).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'
import { judgeStored, PROFILE } from '../../../src/shared/requirements'
import { findingsCsv, itTicketText, surveyChecklist } from '../../../src/shared/report/it-ticket'
import { csvCell, csvText } from '../../../src/shared/text/csv'

const load = (name: string): Survey => surveySchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/report/${name}`, import.meta.url), 'utf8')))
const sample = load('report-sample.wcsurvey')

/** RFC 4180 rows back from CSV text (quoted cells with "" and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

describe('the checklist by who acts (report fixture)', () => {
  const list = surveyChecklist(sample)

  it('gives the technician their own steps: verify the width at P2 – stall 20 (not reported there), the firewall check at the two measured stalls without a run, the phone check at P1 – stall 3', () => {
    // A run counts only at its own stall (issue 16 item 4): P2 – stall 14 and 20 have none.
    const unchecked = ['Level P2 – stall 14', 'Level P2 – stall 20']
    expect(list.technician.map((i) => [i.requirement, i.locations])).toEqual([
      ['WIFI-WIDTH', ['Level P2 – stall 20']],
      ...['WIFI-PORTAL', 'NET-DNS', 'NET-NTP', 'NET-HTTP', 'NET-TLS', 'NET-DOMAINS'].map((id) => [id, unchecked]),
      ['SITE-PHONE', ['Level P1 – stall 3']]
    ])
    expect(list.technician.find((i) => i.requirement === 'SITE-PHONE')?.action).toContain('screenshot')
  })

  it('leaves only real changes to the network administrator, access points by BSSID', () => {
    const admin = [...list.firewall, ...list.accessPoint]
    for (const item of admin) expect(item.action, item.action).not.toMatch(/measure again|run the connectivity check|check the 2\.4 GHz radio's channel width/i)
    const width = list.accessPoint.find((i) => i.requirement === 'WIFI-WIDTH')
    // P2 – stall 14's 2.4 GHz BSS 33:44:55:66:77:88 runs 40 MHz.
    expect(width).toMatchObject({ locations: ['Level P2 – stall 14'], accessPoints: [{ bssid: '33:44:55:66:77:88', name: null }] })
    expect(list.accessPoint.find((i) => i.requirement === 'WIFI-STEER')?.accessPoints).toEqual([{ bssid: 'a8:d3:f7:96:10:6d', name: null }])
    expect(list.firewall.map((i) => i.action)).toContain('allow UDP 123 to pool.ntp.org')
  })

  it('a free site never probed: "run the connectivity check" is the technician\'s, not a firewall change', () => {
    const free: Survey = { ...sample, site: { ...sample.site, billingMode: 'free' }, locations: sample.locations.map((l) => ({ ...l, measurements: l.measurements.map((m) => ({ ...m, probe: null })) })) }
    const l = surveyChecklist(free)
    expect(l.firewall).toEqual([])
    expect(l.technician.map((i) => i.requirement)).toEqual(expect.arrayContaining(['NET-DNS', 'NET-NTP', 'NET-HTTP', 'NET-TLS', 'NET-DOMAINS']))
  })

  it('a stored finding never carries the step mark (it is judged afresh)', () => {
    const l = sample.locations[0]
    const m = l?.measurements[0]
    if (l === undefined || m === undefined) throw new Error('fixture changed')
    const stored = judgeStored(PROFILE, sample, l.id, m.id).locations[0]?.measurements[0]?.findings ?? []
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.some((f) => 'step' in f)).toBe(false)
  })
})

describe('Copy for IT', () => {
  it('names the changes, their access points and where; none of the technician\'s steps', () => {
    const text = itTicketText(sample)
    expect(text).toContain('Firewall rules to add:\n1. [NET-NTP] allow UDP 123 to pool.ntp.org\n   At Level P3 – stall 2\n')
    expect(text).toContain('[WIFI-WIDTH] Set the 2.4 GHz radio to 20 MHz channel width (not 20/40 MHz or auto).\n   Access point (BSSID): 33:44:55:66:77:88\n   At Level P2 – stall 14\n')
    expect(text).toContain('At Level P2 – stall 14, Level P3 – stall 2 and Level P2 – stall 20')
    expect(text).not.toContain('screenshot')
    expect(text).not.toContain("check the 2.4 GHz radio's channel width")
    expect(text).not.toContain('Tesla-Charging-Access')
  })
  it('names the access point by its WPS device name beside its BSSID where the scan gave one (v9 fixture: booyaa\'s XiaoMiRouter as Elm-IoT)', () => {
    const v8 = surveySchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/surveys/v9-garage-zone-apname.wcsurvey', import.meta.url), 'utf8')))
    const sec = surveyChecklist(v8).accessPoint.find((i) => i.requirement === 'WIFI-SEC')
    expect(sec?.accessPoints).toEqual([{ bssid: '11:22:33:44:55:66', name: 'XiaoMiRouter' }])
    expect(itTicketText(v8)).toContain("\n   Access point: AP 'XiaoMiRouter' (11:22:33:44:55:66)\n   At Basement – bay 3\n")
    const row = parseCsv(findingsCsv(v8)).find((r) => r[1] === 'WIFI-SEC')
    expect(row?.[6]).toBe("AP 'XiaoMiRouter' (11:22:33:44:55:66)")
    // A hostile name is shown with its hidden characters made visible, never applied.
    const hostileName: Survey = {
      ...v8,
      locations: v8.locations.map((l) => ({ ...l, measurements: l.measurements.map((m) => ({ ...m, observations: m.observations.map((o) => (o.deviceName ? { ...o, deviceName: 'AP\u202Egnp.exe' } : o)) })) }))
    }
    expect(itTicketText(hostileName)).toContain("Access point: AP 'AP[U+202E]gnp.exe' (11:22:33:44:55:66)")
    expect(findingsCsv(hostileName).includes('\u202E')).toBe(false)
  })

  it('shows a bidi override in the site name, never applies it', () => {
    const text = itTicketText(load('hostile.wcsurvey'))
    expect(text).toContain('Garage <b>Nord</b> [U+202E]txt.exe')
    expect(text.includes('\u202E')).toBe(false)
  })
})

describe('findings CSV', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    // A leading tab is shown as its code point, which disarms it too.
    ['\tx', '[U+0009]x'],
    ['a,b', '"a,b"'],
    ['\u202Eevil', '[U+202E]evil'],
    ['Level P2 – stall 14', 'Level P2 – stall 14']
  ])('%j → %s', (input, cell) => {
    expect(csvCell(input)).toBe(cell)
  })

  it('one row per finding that is not a pass, with who acts; unmeasured locations said', () => {
    const rows = parseCsv(findingsCsv(sample))
    expect(rows[0]).toEqual(['location', 'requirement', 'title', 'result', 'who acts', 'what to do', 'access points (BSSID)', 'evidence'])
    const width = rows.find((r) => r[0] === 'Level P2 – stall 14' && r[1] === 'WIFI-WIDTH')
    expect(width?.slice(3, 7)).toEqual(['fail', 'network administrator: access point', 'Set the 2.4 GHz radio to 20 MHz channel width (not 20/40 MHz or auto).', '33:44:55:66:77:88'])
    expect(rows.find((r) => r[0] === 'Level P1 – stall 3' && r[1] === 'SITE-PHONE')?.[4]).toBe('technician')
    expect(rows.find((r) => r[0] === 'Level P3 – stall 7')?.slice(3, 5)).toEqual(['not measured', 'technician'])
    expect(rows.every((r) => r[3] !== 'pass')).toBe(true)
  })

  it('hostile names and SSIDs: no cell a spreadsheet would run, no hidden character', () => {
    const hostile = load('hostile.wcsurvey')
    const named: Survey = { ...hostile, locations: hostile.locations.map((l, i) => (i === 1 ? { ...l, name: '=cmd|"/c calc"!A1' } : i === 2 ? { ...l, name: 'stall\u202Egnp.exe' } : l)) }
    const text = findingsCsv(named)
    const rows = parseCsv(text)
    expect(rows.length).toBeGreaterThan(3)
    for (const cell of rows.flat()) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false)
    expect(rows.some((r) => r[0] === `'=cmd|"/c calc"!A1`)).toBe(true)
    expect(text.includes('\u202E')).toBe(false)
    expect(rows.some((r) => r[0] === 'stall[U+202E]gnp.exe')).toBe(true)
    expect(csvText([['a'], ['b']])).toBe('a\r\nb\r\n')
  })
})
