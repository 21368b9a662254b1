/** Opens a URL or file in the person's browser or app; resolves false when nothing started. */
export { openWithSystem as openUrl } from '../electron/host/open-external.js';
