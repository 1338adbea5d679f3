/**
 * Zod without its eval probe, for code that loads after this module. Zod 4 tries
 * `new Function('')` when it builds an object schema, unless configured jitless; our CSP has no
 * 'unsafe-eval', so the probe is blocked and logged as a CSP violation. Schemas built in a chunk
 * evaluated before this module still probe: index.html therefore also loads
 * public/zod-jitless.js, a classic script that runs before every module.
 */
import { z } from 'zod'

z.config({ jitless: true })
