/**
 * The contract's request and event names, without its schemas: what the preload needs to
 * allow-list a call (importing contract.ts would bundle zod and every schema into it: 185 KB).
 *
 * One map each, checked with `satisfies` against the contract's types: a name missing here, or
 * one the contract does not have, fails `tsc`. contract.ts checks its `requestArgs` the same way.
 */
import type { EventName, RequestResults } from './contract'

/** Name of the global the preload and the browser client install in the renderer. */
export const API_GLOBAL = 'wcSurvey'

const REQUESTS = {
  'app:info': true,
  'survey:list': true,
  'survey:create': true,
  'survey:open': true,
  'survey:openPath': true,
  'survey:pickOpen': true,
  'survey:openSample': true,
  'survey:save': true,
  'survey:saveAs': true,
  'survey:keepBoth': true,
  'survey:overwrite': true,
  'survey:resurvey': true,
  'survey:recent': true,
  'scan:start': true,
  'scan:stop': true,
  'scan:snapshot': true,
  'probe:run': true,
  'probe:cancel': true,
  'report:exportPdf': true,
  'report:exportEvidence': true,
  'handout:save': true,
  'report:saveFindings': true,
  'watch:start': true,
  'watch:pause': true,
  'watch:resume': true,
  'watch:stop': true,
  'watch:list': true,
  'charger:read': true,
  'charger:discover': true,
  'charger:cancelDiscovery': true,
  'photo:import': true,
  'company:get': true,
  'company:save': true,
  'company:checkLogo': true
} as const satisfies Record<keyof RequestResults, true>

const EVENTS = {
  'scan:sample': true,
  'scan:status': true,
  'scan:progress': true,
  'probe:progress': true,
  'app:command': true,
  'report:progress': true,
  'watch:update': true,
  'charger:discovery': true
} as const satisfies Record<EventName, true>

// Casts: Object.keys widens to string[]; the maps' keys are exactly the names (checked above).
export const requestNames = Object.keys(REQUESTS) as readonly (keyof RequestResults)[]
export const eventNames = Object.keys(EVENTS) as readonly EventName[]
