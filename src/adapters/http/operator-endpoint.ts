import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logging/create-logger.ts';
import { isFetchCurrent, type DaemonStatus } from '../../status/daemon-status.ts';
import type { DaemonMetrics } from './daemon-metrics.ts';

/** What the endpoint asks the daemon for. */
export interface OperatorEndpointSource {
  /** A fresh snapshot; rejects when Redis does not answer. */
  status(): Promise<DaemonStatus>;
  metrics: DaemonMetrics;
}

/** A running endpoint. */
export interface OperatorEndpoint {
  port: number;
  close(): Promise<void>;
}

/** Why the daemon is not ready (empty: ready): Redis must answer and every mailbox have been fetched recently. */
export function notReadyReasons(status: DaemonStatus): string[] {
  return status.mailboxes
    .filter((mailbox) => !isFetchCurrent(mailbox))
    .map((mailbox) =>
      mailbox.lastFetchAt === null
        ? `mailbox ${mailbox.id}: not fetched yet`
        : `mailbox ${mailbox.id}: last fetched ${mailbox.fetchAgeSeconds} s ago (over ${mailbox.staleAfterSeconds} s)`,
    );
}

function send(response: ServerResponse, code: number, type: string, body: string): void {
  response.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * Serves `/healthz` (the process answers), `/readyz` (Redis answers and every mailbox was fetched within its
 * reconcile interval × 3; 503 with the reasons otherwise) and `/metrics` (Prometheus text format).
 */
export async function startOperatorEndpoint(
  listen: { host: string; port: number },
  source: OperatorEndpointSource,
  logger: Logger,
): Promise<OperatorEndpoint> {
  const json = 'application/json; charset=utf-8';
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      send(response, 200, json, '{"status":"ok"}\n');
    } else if (path === '/readyz') {
      let reasons: string[];
      try {
        reasons = notReadyReasons(await source.status());
      } catch (error) {
        reasons = [`redis: ${error instanceof Error ? error.message : String(error)}`];
      }
      const body = JSON.stringify({ ready: reasons.length === 0, reasons });
      send(response, reasons.length === 0 ? 200 : 503, json, `${body}\n`);
    } else if (path === '/metrics') {
      try {
        source.metrics.observe(await source.status());
      } catch (error) {
        logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'metrics: no status');
      }
      send(response, 200, source.metrics.registry.contentType, await source.metrics.registry.metrics());
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz, /readyz or /metrics\n');
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'http endpoint error');
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ http: `${listen.host}:${port}` }, 'operator endpoint listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
