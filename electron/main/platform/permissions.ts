import type { Session } from 'electron'
import { isPermissionAllowed } from './permission-policy'

const mediaTypeList = (type: string | undefined): string[] => (type === 'audio' || type === 'video' ? [type] : [])

/**
 * Installs the permission policy on a session: requests and checks both go through
 * isPermissionAllowed (camera and microphone for our own pages, nothing else), and device pickers
 * (HID, serial, USB) are refused outright.
 */
export function installPermissionPolicy(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    const requestingUrl = details.requestingUrl || ('securityOrigin' in details ? details.securityOrigin : undefined)
    callback(isPermissionAllowed({ permission, requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }, origins))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      {
        permission,
        requestingUrl: details.requestingUrl ?? details.securityOrigin ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: mediaTypeList(details.mediaType),
      },
      origins,
    ),
  )
  session.setDevicePermissionHandler(() => false)
}
