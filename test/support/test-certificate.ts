import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A self-signed certificate for 127.0.0.1 and localhost, on disk in a temp dir of its own. */
export interface TestCertificate {
  /** The temp dir holding the files (removed by `remove`). */
  dir: string;
  /** The certificate, PEM: also its own CA, for NODE_EXTRA_CA_CERTS or `tls.setDefaultCACertificates`. */
  certFile: string;
  certPem: string;
  keyFile: string;
  keyPem: string;
  /** Deletes the temp dir. */
  remove(): Promise<void>;
}

// CA:TRUE makes the one certificate a trust anchor as well as the server's leaf; the SAN is what a client
// checks against the host it dialled (the CN is ignored).
const CONFIG = `[req]
distinguished_name = dn
x509_extensions = ext
prompt = no
[dn]
CN = localhost
[ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
`;

/** Makes a fresh P-256 self-signed certificate (valid two days) with the `openssl` CLI, nothing downloaded. */
export async function createTestCertificate(): Promise<TestCertificate> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'test-cert-'));
  const [configFile, certFile, keyFile] = ['openssl.cnf', 'cert.pem', 'key.pem'].map((name) =>
    path.join(dir, name),
  ) as [string, string, string];
  try {
    await writeFile(configFile, CONFIG);
    await execFileAsync('openssl', [
      ...['req', '-x509', '-config', configFile, '-newkey', 'ec'],
      ...['-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'],
      ...['-keyout', keyFile, '-out', certFile],
    ]);
    const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
    return {
      dir,
      certFile,
      certPem,
      keyFile,
      keyPem,
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
