/** Report page (placeholder: its issue fills this in). */
export function ReportPage() {
  return <p>Not available yet.</p>
}
