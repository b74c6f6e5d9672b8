import http from 'node:http';

export interface Balancer {
  url: string;
  /** How many requests each upstream got, in the order given. */
  counts(): number[];
  close(): Promise<void>;
}

/**
 * A load balancer in front of `upstreams` (http://host:port): each request goes to the next upstream in turn, over
 * keep-alive connections, as nginx's default round robin does. A request an upstream cannot take (connection refused)
 * is answered 502, as a balancer without retries would.
 */
export async function startRoundRobinBalancer(upstreams: readonly string[], port: number): Promise<Balancer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const counts = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    counts[index] += 1;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const forwarded = http.request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => [...counts],
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
