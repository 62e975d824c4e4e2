import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
const [ext, path, out, w, h, typeSel, typeText] = process.argv.slice(2);
const servers = await startServers({ root: '/work/main/tests/e2e/fixtures/' });
const d = await launchChromium({ extensionDir: ext === 'none' ? null : ext, servers, httpsPort: servers.httpsPort });
try {
  await d.setViewport(Number(w), Number(h));
  await d.goto(path.startsWith('http') ? path : 'https://www.pasonacareer.jp' + path);
  await new Promise(r => setTimeout(r, 800));
  if (typeSel) { await d.type(typeSel, typeText); await d.evaluate((s) => document.querySelector(s).blur(), typeSel); await new Promise(r => setTimeout(r, 500)); }
  await d.page.screenshot({ path: out, fullPage: true });
} finally { await d.close(); await servers.close(); }
