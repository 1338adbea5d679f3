/** Compliance page (placeholder: its issue fills this in). */
export function CompliancePage() {
  return <p>Not available yet.</p>
}
