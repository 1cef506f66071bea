import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TriageError } from '../../errors/triage-error.ts';

/** The loopback redirect of an installed app's sign-in (RFC 8252 section 7.3), listening until the code arrives. */
export interface LoopbackRedirect {
  /** http://127.0.0.1:<port>/ — registered nowhere: Google and RFC 8252 allow any port on the loopback. */
  uri: string;
  /** The `state` the authorisation URL must carry; a redirect with another one is refused. */
  state: string;
  /** Resolves with the authorisation code, rejects when the provider reports an error or `signal` aborts. */
  code: Promise<string>;
  close(): void;
}

/** Listens on an ephemeral port of 127.0.0.1 for the one redirect that ends a browser sign-in. */
export async function listenForRedirect(signal: AbortSignal): Promise<LoopbackRedirect> {
  const state = randomBytes(16).toString('base64url');
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | null = null;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const error = url.searchParams.get('error');
    const received = url.searchParams.get('code');
    if (url.searchParams.get('state') !== state || (error === null && received === null)) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Not a sign-in redirect.');
      return;
    }
    const done = error === null;
    response
      .writeHead(done ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' })
      .end(done ? 'Signed in: you can close this page.' : 'The sign-in was not completed.');
    if (done && received !== null) settle?.resolve(received);
    else
      settle?.reject(new TriageError('oauth-needs-login', `the provider answered the sign-in with ${error}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  const onAbort = () => settle?.reject(new TriageError('oauth-needs-login', 'the sign-in was cancelled'));
  signal.addEventListener('abort', onAbort, { once: true });
  void code.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => undefined);
  const { port } = server.address() as AddressInfo;
  return { uri: `http://127.0.0.1:${port}/`, state, code, close };
}
