/** `wc-survey report` — not built yet (its issue fills this in). */
export async function run(_args: readonly string[]): Promise<number> {
  process.stderr.write('wc-survey report: not available yet\n')
  return 2
}
