import type { Kysely } from 'kysely'
import type { ExportedFile } from '../../../shared/contract/exports'
import {
  CATEGORY_LABELS,
  DIMENSION_LABELS,
  STAGE_LABELS,
  type AdverseImpactReport,
} from '../../../shared/contract/fairness'
import type { Database } from '../db/schema'
import { toCsv, type CsvCell } from '../exports/csv'
import { fileNameOf } from '../exports/file-name'
import { adverseImpactReport } from './report'

/** NYC Local Law 144's bias-audit columns, with the stage and dimension in front and the flags after. */
export const REPORT_HEADER = [
  'Stage',
  'Dimension',
  'Category',
  'Number of applicants',
  'Number selected',
  'Selection rate',
  'Impact ratio',
  'Below four-fifths',
  'Small sample',
] as const

export const UNKNOWN_CATEGORY = 'Unknown (not answered or prefer not to say)'

const fixed = (value: number | null) => (value === null ? null : value.toFixed(3))
const yes = (value: boolean) => (value ? 'yes' : 'no')

export function reportRows(report: AdverseImpactReport): CsvCell[][] {
  return report.tables.flatMap((table) => {
    const lead = [STAGE_LABELS[table.stage], DIMENSION_LABELS[table.dimension]]
    const rate = table.unknown.applicants ? table.unknown.selected / table.unknown.applicants : null
    return [
      ...table.rows.map((row) => [
        ...lead,
        CATEGORY_LABELS[row.category] ?? row.category,
        row.applicants,
        row.selected,
        fixed(row.selectionRate),
        fixed(row.impactRatio),
        yes(row.flagged),
        yes(row.smallSample),
      ]),
      // LL144 asks for the unknown count apart; it is never compared, so it has no ratio or flag.
      [...lead, UNKNOWN_CATEGORY, table.unknown.applicants, table.unknown.selected, fixed(rate), null, null, null],
    ]
  })
}

export async function reportCsv(db: Kysely<Database>, jobId: string): Promise<ExportedFile> {
  const report = await adverseImpactReport(db, jobId)
  return {
    fileName: fileNameOf(`${report.jobTitle} adverse impact`, 'csv'),
    mediaType: 'text/csv',
    text: toCsv(REPORT_HEADER, reportRows(report)),
  }
}
