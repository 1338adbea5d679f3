import { describe, expect, it } from 'vitest'
import { defaultDataDir, surveysDir } from '../../../src/main/survey/data-dir'

describe('defaultDataDir', () => {
  const cases: ReadonlyArray<[string, NodeJS.Platform, NodeJS.ProcessEnv, string]> = [
    ['Linux default', 'linux', {}, '/home/t/.local/share/wc-site-survey'],
    ['Linux XDG_DATA_HOME', 'linux', { XDG_DATA_HOME: '/data/xdg' }, '/data/xdg/wc-site-survey'],
    ['Linux relative XDG_DATA_HOME is ignored (XDG spec)', 'linux', { XDG_DATA_HOME: 'rel' }, '/home/t/.local/share/wc-site-survey'],
    ['macOS', 'darwin', {}, '/home/t/Library/Application Support/WC Site Survey'],
    ['Windows APPDATA', 'win32', { APPDATA: '/appdata' }, '/appdata/WC Site Survey'],
    ['Windows without APPDATA', 'win32', {}, '/home/t/AppData/Roaming/WC Site Survey'],
    ['override wins everywhere', 'win32', { APPDATA: '/appdata', WC_SURVEY_DATA_DIR: '/tmp/x' }, '/tmp/x'],
    ['empty override is ignored', 'linux', { WC_SURVEY_DATA_DIR: '' }, '/home/t/.local/share/wc-site-survey']
  ]
  it.each(cases)('%s', (_name, platform, env, expected) => {
    // path.join uses the host separator; these tests run on POSIX hosts.
    expect(defaultDataDir(platform, env, '/home/t')).toBe(expected)
  })

  it('keeps surveys in a subfolder of the data folder', () => {
    expect(surveysDir('/d')).toBe('/d/surveys')
  })
})
