import { defineSuite } from './suite.mjs';
import { launchChromium } from './harness/chromium.mjs';

defineSuite({
  browser: 'chromium',
  launch: ({ extensionDir, servers }) => launchChromium({ extensionDir, httpsPort: servers.httpsPort }),
});
