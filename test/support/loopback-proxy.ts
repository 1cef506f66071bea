import net, { type AddressInfo } from 'node:net';

/** A loopback TCP proxy in front of a server: bytes pass unchanged both ways; connections are counted. */
export interface LoopbackProxy {
  port: number;
  /** Connections open now. */
  readonly open: number;
  /** The most connections open at once since it started. */
  readonly peak: number;
  close(): Promise<void>;
}

/**
 * Starts the proxy on a free port. `tap` sees what each client sends (before it is passed on). A connection counts
 * from the moment it is accepted until either side closes, so the peak is never below what the server saw.
 */
export async function startLoopbackProxy(
  server: { host: string; port: number },
  tap?: (client: net.Socket) => void,
): Promise<LoopbackProxy> {
  const sockets = new Set<net.Socket>();
  let open = 0;
  let peak = 0;
  const proxy = net.createServer((client) => {
    open += 1;
    peak = Math.max(peak, open);
    const upstream = net.connect(server.port, server.host);
    let closed = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
        if (closed) return;
        closed = true;
        open -= 1;
      });
    }
    tap?.(client);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    get open() {
      return open;
    },
    get peak() {
      return peak;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}
