import { call } from '../../api/client'
import { ExportButton } from '../exports/ExportButton'

/** "Export their data (zip)": everything held about the candidate, for an access request. */
export function ExportCandidateData({ candidateId }: { candidateId: string }) {
  return <ExportButton label="Export their data (zip)" exportFile={() => call('rights.exportData', { candidateId })} />
}
