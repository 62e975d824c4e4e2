import { defineSuite } from './suite.mjs';
import { launchFirefox } from './harness/firefox.mjs';

defineSuite({
  browser: 'firefox',
  launch: ({ extensionDir, servers }) =>
    launchFirefox({
      extensionDir,
      proxyPort: servers.proxyPort,
      // Every console message (pages, content scripts, background) goes to the log the privacy test reads.
      prefs: { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true },
    }),
});
