import type { Session, WebContents } from 'electron'
import type { Audience } from '../../../shared/contract'
import { isPermissionAllowed } from './permission-policy'

const mediaTypeList = (type: string | undefined): string[] => (type === 'audio' || type === 'video' ? [type] : [])

/**
 * Installs the permission policy on a session: requests and checks both go through
 * isPermissionAllowed (camera and microphone for our own pages, the clipboard for the recruiter's
 * window, nothing else), and device pickers (HID, serial, USB) are refused outright. `audienceOf`
 * says which of our windows a request comes from (the window registry's answer).
 */
export function installPermissionPolicy(
  session: Session,
  origins: readonly string[],
  audienceOf: (contents: WebContents) => Audience | undefined,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    const requestingUrl = details.requestingUrl || ('securityOrigin' in details ? details.securityOrigin : undefined)
    const audience = audienceOf(contents)
    callback(
      isPermissionAllowed(
        { permission, requestingUrl, isMainFrame: details.isMainFrame, mediaTypes, ...(audience ? { audience } : {}) },
        origins,
      ),
    )
  })
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const audience = contents ? audienceOf(contents) : undefined
    return isPermissionAllowed(
      {
        permission,
        requestingUrl: details.requestingUrl ?? details.securityOrigin ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: mediaTypeList(details.mediaType),
        ...(audience ? { audience } : {}),
      },
      origins,
    )
  })
  session.setDevicePermissionHandler(() => false)
}
