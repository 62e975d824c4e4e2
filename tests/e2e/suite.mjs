// The end-to-end suite, the same for every browser: the built extension on
// real HTTPS fixture pages, driven with real key events and clicks.
import { after, before, describe } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { Session } from './session.mjs';
import { definePageTests } from './pages.test-suite.mjs';
import { defineFieldTests } from './fields.test-suite.mjs';
import { definePrivacyTests } from './privacy.test-suite.mjs';
import { defineGuidanceTests } from './guidance.test-suite.mjs';
import { defineMemoryTests } from './memory.test-suite.mjs';
import { defineHostileTests } from './hostile.test-suite.mjs';
import { defineFaultTests } from './faults.test-suite.mjs';
import { definePlacementTests } from './placement.test-suite.mjs';
import { defineLoaderTests } from './loader.test-suite.mjs';
import { defineScreenTests } from './screen.test-suite.mjs';
import { defineTrustTests } from './trust.test-suite.mjs';
import { defineRecoveryTests } from './recovery.test-suite.mjs';
import { defineReportTests } from './report.test-suite.mjs';

export const EXTENSION_DIR = fileURLToPath(new URL('../../dist/extension/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * `launch({ extensionDir, servers })` → a Driver (harness/driver.md).
 * One browser per suite; each test opens its own page.
 */
export function defineSuite({ browser, launch }) {
  describe(`${browser}`, () => {
    const ctx = { browser, servers: null, driver: null, session: null };
    before(async () => {
      ctx.servers = await startServers({ root: FIXTURES });
      ctx.driver = await launch({ extensionDir: EXTENSION_DIR, servers: ctx.servers });
      ctx.session = new Session(ctx.driver, browser);
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.servers?.close();
    });
    // PLH_SUITES=pages,fields runs only those (while working on them).
    const only = process.env.PLH_SUITES?.split(',');
    const suites = { pages: definePageTests, fields: defineFieldTests, privacy: definePrivacyTests, guidance: defineGuidanceTests, memory: defineMemoryTests, hostile: defineHostileTests, faults: defineFaultTests, placement: definePlacementTests, loader: defineLoaderTests, screen: defineScreenTests, trust: defineTrustTests, recovery: defineRecoveryTests, report: defineReportTests };
    for (const [name, define] of Object.entries(suites)) if (!only || only.includes(name)) define(ctx);
  });
}
