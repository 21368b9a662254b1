/**
 * Who the app is to the operating system. `APP_ID` must equal electron-builder.yml's `appId`:
 * Windows ties notifications to the installer's AppUserModelID, and a test holds the two
 * together. `PRODUCT_NAME` is also given to development runs, so their safeStorage key (named
 * after the app) is the packaged app's and both read the same data folder's secrets.
 */
export const APP_ID = 'dev.tunebridge.desktop';
export const PRODUCT_NAME = 'TuneBridge';
