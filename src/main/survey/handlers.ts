/** Survey-file requests (placeholder: the foundation issue fills this in). */
import type { Handlers } from '../../shared/contract'
import type { ServiceDeps } from '../service-deps'

type SurveyRequests = 'app:info' | 'survey:list' | 'survey:create' | 'survey:open' | 'survey:pickOpen' | 'survey:openSample' | 'survey:save' | 'survey:saveAs' | 'survey:recent'
const notYet = { ok: false, reason: 'failed', message: 'Not available yet.' } as const

export function createSurveyHandlers(deps: ServiceDeps): { handlers: Pick<Handlers, SurveyRequests> } {
  return {
    handlers: {
      'app:info': async () => ({ version: deps.appVersion, mode: deps.mode, platform: deps.platform, surveysFolder: deps.dataDir, scanner: 'none', nativeDialogs: deps.desktop !== null }),
      'survey:list': async () => [],
      'survey:create': async () => ({ ok: false, reason: 'unreadable', message: 'Not available yet.' }),
      'survey:open': async () => ({ ok: false, reason: 'unreadable', message: 'Not available yet.' }),
      'survey:pickOpen': async () => ({ ok: false, reason: 'cancelled', message: 'Not available yet.' }),
      'survey:openSample': async () => ({ ok: false, reason: 'unreadable', message: 'Not available yet.' }),
      'survey:save': async () => notYet,
      'survey:saveAs': async () => notYet,
      'survey:recent': async () => []
    }
  }
}
