// A TCP proxy between the bot and the PostgreSQL server, for database
// faults done for real: `stall()` keeps every connection open but moves no
// byte (a hung server or network), `drop()` cuts every connection, `resume()`
// lets traffic flow again.
import net from "node:net";

export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private stalled = false;
  private readonly held: (() => void)[] = [];

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = net.createServer((client) => proxy!.connect(client, target));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  private connect(client: net.Socket, target: { host: string; port: number }): void {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    const pipe = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk) => {
        if (!this.stalled) {
          to.write(chunk);
          return;
        }
        // Held in order until resume(): nothing is lost, it only stops moving.
        from.pause();
        this.held.push(() => {
          to.write(chunk);
          from.resume();
        });
      });
    pipe(client, upstream);
    pipe(upstream, client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  stall(): void {
    this.stalled = true;
  }

  resume(): void {
    this.stalled = false;
    for (const release of this.held.splice(0)) release();
  }

  /** Cuts every open connection (new ones are accepted). */
  drop(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.resume();
    this.drop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
