import { defineSuite } from './suite.mjs';
import { launchFirefox } from './harness/firefox.mjs';

defineSuite({
  browser: 'firefox',
  launch: ({ extensionDir, servers }) => launchFirefox({ extensionDir, proxyPort: servers.proxyPort }),
});
