import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReportArchive } from "./report-archive.ts";

/**
 * The platform's query interface, a tiny HTTP server for testers that check that no report was
 * lost:
 *   GET /vehicles                → {"vehicles": [{"vin": …, "reports": n}, …]}
 *   GET /vehicles/<vin>/reports  → {"vin": …, "reports": [{"command": "realtime"|"reissue", "collectedAt": ms, "receivedAt": ms}, …]}
 * Times are ms since the Unix epoch; reports are in order of arrival.
 */
export class QueryServer {
  readonly url: string;
  private readonly server: Server;

  private constructor(server: Server, url: string) {
    this.server = server;
    this.url = url;
  }

  static async listen(archive: ReportArchive, host: string, port: number): Promise<QueryServer> {
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://query").pathname;
      const reports = /^\/vehicles\/([^/]+)\/reports$/.exec(path);
      if (request.method !== "GET") reply(response, 405, { error: "only GET is supported" });
      else if (path === "/vehicles") reply(response, 200, { vehicles: archive.summary() });
      else if (reports?.[1] !== undefined) {
        const vin = decodeURIComponent(reports[1]);
        reply(response, 200, { vin, reports: archive.reports(vin) });
      } else reply(response, 404, { error: `no such resource ${path}; try /vehicles or /vehicles/<vin>/reports` });
    });
    server.listen(port, host);
    await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error as Error))]);
    const address = server.address() as AddressInfo;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    return new QueryServer(server, `http://${shownHost}:${address.port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
