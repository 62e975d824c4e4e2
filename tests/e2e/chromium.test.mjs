import { fileURLToPath } from 'node:url';
import { defineSuite, EXTENSION_DIR } from './suite.mjs';
import { launchChromium } from './harness/chromium.mjs';

// The folder a Chromium user loads (only the service worker background), in
// place of the two-browser dist/extension/ the suite builds from.
// PLH_CHROME_DIR: another build (e.g. an older one, to show what a new test catches).
const CHROME_DIR = process.env.PLH_CHROME_DIR ?? fileURLToPath(new URL('../../dist/chrome/', import.meta.url));

defineSuite({
  browser: 'chromium',
  launch: ({ extensionDir, servers }) =>
    launchChromium({ extensionDir: extensionDir === EXTENSION_DIR ? CHROME_DIR : extensionDir, httpsPort: servers.httpsPort }),
});
