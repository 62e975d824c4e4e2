// Small helpers for the benchmark: percentiles and number formatting.

/** The q-quantile (0..1) of `xs`, linear interpolation between closest ranks (R type 7). */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);

/** { median, p95, n, min, max } of a list of numbers. */
export function summary(xs) {
  return { median: median(xs), p95: p95(xs), n: xs.length, min: Math.min(...xs), max: Math.max(...xs) };
}

export function fmtMs(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x.toFixed(Math.abs(x) < 10 ? 2 : 1)} ms`;
}

export function fmtBytes(n) {
  if (!Number.isFinite(n)) return 'n/a';
  return `${(n / 1000).toFixed(1)} kB (${n.toLocaleString('en-US')} B)`;
}

export function fmtRatio(x) {
  return Number.isFinite(x) ? x.toFixed(3) : 'n/a';
}

/** 1234567 → "1.23 M/s" */
export function fmtRate(perSecond) {
  if (!Number.isFinite(perSecond)) return 'n/a';
  const units = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [k, u] of units) if (perSecond >= k) return `${(perSecond / k).toFixed(2)} ${u}/s`;
  return `${perSecond.toFixed(1)} /s`;
}
