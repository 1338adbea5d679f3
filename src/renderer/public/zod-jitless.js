// Runs before the app's modules (a classic script, copied verbatim by Vite from public/).
// Zod 4 probes `new Function('')` when it builds its first object schema, unless its global
// config (shared through globalThis.__zod_globalConfig) says jitless. Our CSP has no
// 'unsafe-eval', so the probe would be blocked and logged as a CSP violation on every load; the
// shared chunk that holds zod builds schemas before any app module could call z.config().
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
