import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { FIXTURES, EXTENSION_DIR } from './suite.mjs';
const servers = await startServers({ root: FIXTURES });
const d = await launchChromium({ extensionDir: EXTENSION_DIR, servers, httpsPort: servers.httpsPort });
try {
  await d.goto('https://www.pasonacareer.jp/two-logins.html');
  await d.waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready');
  await d.evaluate(() => { window.__log = []; for (const t of ['compositionstart','compositionupdate','compositionend','input']) document.addEventListener(t, e => window.__log.push(t + ':' + e.isTrusted + ':' + (e.isComposing ?? '')), true); document.querySelector('#m-mail').focus(); });
  await d.type('#m-mail', 'abc'); await d.clear('#m-mail');
  await d.compose(['ぱ'], { commit: false });
  await new Promise(r => setTimeout(r, 300));
  const host = '[data-plh-field-host][data-plh-kind="member-service"][data-plh-field="id"]';
  console.log('errors', await d.evaluate(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-errors')), d.consoleMessages.slice(-5));
  console.log('after open', await d.evaluate((h) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('[data-plh-warning]') ?? [])].map(n => n.getAttribute('data-plh-warning')), host));
  await d.compose(['ぱ'], { commit: true });
  await new Promise(r => setTimeout(r, 300));
  console.log('after commit', await d.evaluate((h) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('[data-plh-warning]') ?? [])].map(n => n.getAttribute('data-plh-warning')), host));
  console.log(await d.evaluate(() => window.__log));
} finally { await d.close(); await servers.close(); }
