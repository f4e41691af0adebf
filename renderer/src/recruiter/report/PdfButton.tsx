/**
 * The report's PDF comes from the renderer's print path: the print dialog, where the recruiter
 * chooses "Save as PDF". The print styles leave out the app's navigation and buttons.
 */
export function PdfButton() {
  return (
    <div className="report-actions no-print">
      <button type="button" onClick={() => window.print()}>
        Download PDF
      </button>
      <p className="muted">Opens the print dialog: choose “Save as PDF” as the destination to save this report.</p>
    </div>
  )
}
