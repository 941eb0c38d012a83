import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { latencies, Latencies } from './measure';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface PacedResult extends Latencies {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/**
 * Sends `rate` requests a second, evenly spaced, whether or not earlier ones have been
 * answered (open loop), and times each from when it was due: waiting for a free connection
 * counts. Autocannon's own rate mode fires each second's requests in one burst, which
 * measures the burst rather than the app.
 */
export async function pacedLoad(
  baseUrl: string,
  options: { rate: number; seconds: number; connections: number },
  next: (index: number) => PacedRequest,
): Promise<PacedResult> {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const samples: number[] = [];
  const counts = { ok: 0, non2xx: 0, errors: 0 };
  const inFlight: Promise<void>[] = [];
  const start = performance.now();

  const send = (index: number) => {
    const due = start + index * interval;
    const { method, path, body, headers = {} } = next(index);
    return new Promise<void>((resolve) => {
      const req = request({ agent, hostname, port, method, path, headers: body ? { ...headers, 'content-type': 'application/json' } : headers }, (res) => {
        res.resume();
        res.on('end', () => {
          samples.push(performance.now() - due);
          if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) counts.ok++;
          else counts.non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        counts.errors++;
        resolve();
      });
      req.end(body);
    });
  };

  // A timer cannot wake every 2 ms exactly, so each wake-up sends whatever has fallen due.
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    for (; sent < due; sent++) inFlight.push(send(sent));
    await sleep(1);
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { sent: total, ...counts, ...latencies(samples) };
}
