// What both Drivers share: `evaluate` goes through one JSON-returning async
// expression in either browser, and `waitFor` polls it.

/**
 * Build one self-contained async expression that runs `fn` with `args` in the
 * page and yields a JSON string (or undefined). Going through JSON in both
 * browsers keeps `evaluate` results identical whatever each automation layer
 * would otherwise do with Dates, DOM nodes, undefined in arrays, etc.
 * `fn` may be a function or a string function body (which may `return` and may
 * read its arguments via `arguments`).
 */
export function buildEvaluateExpression(fn, args) {
  let callee;
  if (typeof fn === 'function') callee = `(${fn.toString()})`;
  else if (typeof fn === 'string') callee = `(async function () {\n${fn}\n})`;
  else throw new TypeError('evaluate: fn must be a function or a string function body');
  const argsJson = JSON.stringify(args ?? []);
  if (argsJson === undefined) throw new TypeError('evaluate: arguments must be JSON-serializable');
  return `(async () => {
  const __plhArgs = ${argsJson};
  const __plhValue = await ${callee}.apply(null, __plhArgs);
  return __plhValue === undefined ? undefined : JSON.stringify(__plhValue);
})()`;
}

export function parseEvaluateResult(s) {
  return s === undefined || s === null ? undefined : JSON.parse(s);
}

/** waitFor: poll `driver.evaluate` until truthy; on timeout, say what was awaited and the last value. */
export async function pollEvaluate(driver, fn, { timeout = 5000, interval = 25 } = {}, args = []) {
  const start = Date.now();
  let last;
  let lastError;
  for (;;) {
    try {
      last = await driver.evaluate(fn, ...args);
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      // A navigation in progress can destroy the context mid-poll; keep polling.
      lastError = err;
    }
    if (Date.now() - start >= timeout) {
      const what = typeof fn === 'function' ? fn.toString() : String(fn);
      throw new Error(
        `[${driver.name}] waitFor timed out after ${timeout} ms waiting for: ${what.slice(0, 300)}\n` +
          `last value: ${JSON.stringify(last)}` +
          (lastError ? `\nlast error: ${lastError.message}` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
