import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HealthStatus {
  readonly ok: boolean;
  /** Why the bot is not healthy, or what it is doing. */
  readonly reason: string;
  readonly [detail: string]: unknown;
}

export interface HealthSources {
  status(): Promise<HealthStatus> | HealthStatus;
  metrics(): Promise<{ contentType: string; body: string }>;
}

/** GET /healthz (200 or 503 with the reason in JSON) and GET /metrics (Prometheus text). */
export async function startHealthServer(
  port: number,
  host: string,
  sources: HealthSources,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const reply = (status: number, type: string, body: string) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(body);
    };
    const handle = async () => {
      if (request.method !== "GET") return reply(405, "application/json", '{"error":"only GET"}\n');
      if (path === "/healthz") {
        const status = await sources.status();
        return reply(status.ok ? 200 : 503, "application/json", `${JSON.stringify(status)}\n`);
      }
      if (path === "/metrics") {
        const { contentType, body } = await sources.metrics();
        return reply(200, contentType, body);
      }
      reply(404, "application/json", '{"error":"try /healthz or /metrics"}\n');
    };
    handle().catch((error: unknown) =>
      reply(500, "application/json", `${JSON.stringify({ error: String(error) })}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(listenFailure(port, host, error), { cause: error })),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** What went wrong opening HEALTH_PORT, and what to change. */
function listenFailure(port: number, host: string, error: NodeJS.ErrnoException): string {
  const where = `HEALTH_PORT ${port} on ${host}`;
  switch (error.code) {
    case "EADDRINUSE":
      return `${where} is already in use: set HEALTH_PORT to a free port, or stop the program listening there`;
    case "EACCES":
      return `${where} may not be opened by this user: choose a port above 1023 that the system allows`;
    case "EADDRNOTAVAIL":
      return `${where}: this machine has no address ${host}; set HEALTH_HOST to one of its addresses, such as 127.0.0.1 or 0.0.0.0`;
    default:
      return `${where} could not be opened: ${error.message}`;
  }
}

export function addressOf(server: Server): string {
  const address = server.address() as AddressInfo;
  return `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
}
