// Issue 7 item 1: the .wcsurvey association in electron-builder.yml only helps if main handles it —
// double-click opens the survey, a second launch hands the file to the running instance.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkFileOpenWiring, readSources } from '../security-gates/source-checks'

const root = fileURLToPath(new URL('../../..', import.meta.url))

const WIRED = `
import { app } from 'electron'
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', (_event, argv) => openFromArgv(argv))
app.on('open-file', (event, path) => { event.preventDefault(); openSurvey(path) })
`

describe('.wcsurvey reaches the running app', () => {
  it('src/main takes the single-instance lock and listens for second-instance and open-file', () => {
    expect(checkFileOpenWiring(readSources(root, 'src/main'))).toEqual([])
  })

  it('the checker accepts the wired sample and rejects each missing piece', () => {
    expect(checkFileOpenWiring([{ path: 'm.ts', text: WIRED }])).toEqual([])
    expect(checkFileOpenWiring([{ path: 'm.ts', text: WIRED.replace('requestSingleInstanceLock', 'whenReady') }])[0]).toMatch(/requestSingleInstanceLock/)
    expect(checkFileOpenWiring([{ path: 'm.ts', text: WIRED.replace("'second-instance'", "'ready'") }])[0]).toMatch(/second-instance/)
    expect(checkFileOpenWiring([{ path: 'm.ts', text: WIRED.replace("'open-file'", "'open-url'") }])[0]).toMatch(/open-file/)
    expect(checkFileOpenWiring([{ path: 'm.ts', text: WIRED.replace('event.preventDefault(); ', '') }])[0]).toMatch(/preventDefault/)
  })
})
