// Self-signed TLS certificate for the fixture HTTPS server.
// Browsers are told to ignore certificate errors, but the cert still carries
// the real host names as SANs so that SNI / host checks look normal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CERT_HOSTS = [
  'www.pasonacareer.jp',
  'www.pasona.co.jp',
  'www.pasona-masters.co.jp',
  'localhost',
];

let cached = null;

/** @returns {{ key: string, cert: string }} PEM strings; generated once per process. */
export function getCertificate() {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'plh-cert-'));
  try {
    const cfg = join(dir, 'openssl.cnf');
    const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
    writeFileSync(
      cfg,
      [
        '[req]',
        'distinguished_name = dn',
        'x509_extensions = v3',
        'prompt = no',
        '[dn]',
        'CN = www.pasonacareer.jp',
        '[v3]',
        `subjectAltName = ${san}`,
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage = serverAuth',
        '',
      ].join('\n'),
    );
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30',
          '-keyout', keyPath, '-out', certPath, '-config', cfg],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (err) {
      throw new Error(`openssl failed to create the test certificate: ${err.stderr?.toString() || err.message}`);
    }
    cached = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default getCertificate;
