import { fileURLToPath } from 'node:url';
import { defineSuite, EXTENSION_DIR } from './suite.mjs';
import { launchFirefox } from './harness/firefox.mjs';

// The folder a Firefox user loads (only the background script), in place of
// the two-browser dist/extension/ the suite builds from.
// PLH_FIREFOX_DIR: another build (e.g. an older one, to show what a new test catches).
const FIREFOX_DIR = process.env.PLH_FIREFOX_DIR ?? fileURLToPath(new URL('../../dist/firefox/', import.meta.url));

defineSuite({
  browser: 'firefox',
  // launchFirefox sends every console message (pages, content scripts, background)
  // to the log that driver.consoleMessages and driver.geckodriver.log() read.
  launch: ({ extensionDir, servers }) =>
    launchFirefox({ extensionDir: extensionDir === EXTENSION_DIR ? FIREFOX_DIR : extensionDir, proxyPort: servers.proxyPort }),
});
