import { StudioError } from '../../../../shared/contract/errors'
import type { CallContext } from '../../ipc/dispatcher'

/** The desktop's PDF of the calling window's page, saved where the recruiter chooses. */
export type SaveReportPdf = (request: { connection: string; fileName: string }) => Promise<{ saved: boolean }>

/**
 * `assessments.savePdf`: the host prints the window that asked. A host without the ability (the
 * web host, where the page prints itself through the browser) is refused here.
 */
export function savePdfHandler(save: SaveReportPdf | undefined) {
  return ({ fileName }: { fileName: string }, ctx: CallContext) => {
    if (!save) throw new StudioError('unavailable', "This host saves reports through the browser's print dialog.")
    if (!ctx.connection) throw new StudioError('forbidden', 'Only a window can save its report.')
    return save({ connection: ctx.connection, fileName })
  }
}
