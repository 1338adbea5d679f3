/**
 * The renderer's one way to reach main: the contract's `Api`, installed as a global by the
 * Electron preload, or by the browser client in browser mode (placeholder: foundation fills in).
 */
import { API_GLOBAL, type Api } from '../../../shared/contract'

declare global {
  interface Window {
    [API_GLOBAL]?: Api
  }
}

export function getApi(): Api {
  const api = window[API_GLOBAL]
  if (!api) throw new Error('The app API is not available.')
  return api
}
