import { Link, useParams } from 'react-router-dom'
import { call } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { PdfButton, pdfFileName } from '../../components/PdfButton'
import { ExportButton } from '../exports/ExportButton'
import { ImpactChart } from './ImpactChart'
import { ImpactTable } from './ImpactTable'
import { STAGE_LABELS, STAGES } from '../../../../shared/contract/fairness'

/** A job's adverse-impact report: selection rates and impact ratios per self-identified category, per stage. */
export function FairnessPage() {
  const { jobId = '' } = useParams()
  const { data: report, error } = useRequest('fairness.report', { jobId })
  if (!report) return <PageLoading title="Adverse-impact report" error={error} />
  const { rules } = report
  return (
    <section aria-labelledby="fairness-title" className="printable">
      <p className="no-print">
        <Link to={`/jobs/${report.jobId}`}>← {report.jobTitle}</Link>
      </p>
      <header className="page-header">
        <h1 id="fairness-title" tabIndex={-1}>
          Adverse-impact report · {report.jobTitle}
        </h1>
        <div className="row no-print">
          <ExportButton label="Download CSV" exportFile={() => call('fairness.reportCsv', { jobId })} />
        </div>
      </header>
      <ErrorText error={error} />
      <PdfButton
        fileName={pdfFileName(`Adverse-impact report - ${report.jobTitle}`, 'Adverse-impact report')}
        what="Adverse-impact report"
      />
      <p className="muted">
        {report.applicants} applicants. Categories come from voluntary self-identification; no answer and &quot;prefer
        not to say&quot; are counted as unknown and not compared. Each category&apos;s impact ratio is its selection
        rate over the highest rate in the same table; a ratio below {rules.fourFifths} is flagged under the four-fifths
        rule. A category with fewer than {rules.minPerCategory} applicants, or a table with fewer than{' '}
        {rules.minOverall} known answers, is marked as a small sample. The report is for review by a person: it decides
        nothing.
      </p>
      {STAGES.map((stage) => (
        <section key={stage} aria-labelledby={`stage-${stage}`}>
          <h2 id={`stage-${stage}`}>{STAGE_LABELS[stage]}</h2>
          <p className="muted">{report.stageRules[stage]}</p>
          {report.tables
            .filter((table) => table.stage === stage)
            .map((table) => (
              <div key={table.dimension}>
                <ImpactTable table={table} minOverall={rules.minOverall} />
                <ImpactChart table={table} fourFifths={rules.fourFifths} />
              </div>
            ))}
        </section>
      ))}
    </section>
  )
}
