import type net from 'node:net';
import type { TLogger } from '../logging/create-logger.ts';
import { openServer } from './open-server.ts';
import { pickVirtualServer } from './pick-virtual-server.ts';
import type { TBinding, TBindingPlan } from './plan-bindings.ts';

export type TDispatch = (socket: net.Socket, virtualServer: string) => void;

interface TListener {
  binding: TBinding;
  server: net.Server | null;
  error: string | null;
  // Local address -> virtual server, so dispatch parses no address per connection.
  routes: Map<string, string | null>;
}

export interface TListenerStatus {
  status: 'listening' | 'error' | 'unknown';
  reason: string | null;
}

/**
 * The worker's listening sockets. apply() turns the current set into the planned
 * one as a diff: sockets no longer planned stop accepting (their sessions go on),
 * new ones open, kept ones take their new virtual server list in place.
 */
export class ListenerSet {
  private readonly listeners = new Map<string, TListener>();
  // Sessions accepted by any listener, including ones closed since: stop() cuts them.
  private readonly sockets = new Set<net.Socket>();
  private readonly dispatch: TDispatch;
  private readonly logger: TLogger;
  private planErrors = new Map<string, string>();

  constructor(dispatch: TDispatch, logger: TLogger) {
    this.dispatch = dispatch;
    this.logger = logger;
  }

  async apply(plan: TBindingPlan): Promise<void> {
    this.planErrors = plan.errors;

    // Close first: a host socket may have to make way for a wildcard one.
    for (const [key, listener] of this.listeners) {
      if (plan.bindings.has(key)) continue;

      this.listeners.delete(key);
      listener.server?.close();
      this.logger.info({ listener: key }, 'listener closed');
    }

    const openings: Array<Promise<void>> = [];
    for (const [key, binding] of plan.bindings) {
      const listener = this.listeners.get(key);
      if (listener) {
        listener.binding = binding;
        listener.routes.clear();
        if (!listener.server) openings.push(this.open(listener));
        continue;
      }

      const created: TListener = { binding, server: null, error: null, routes: new Map() };
      this.listeners.set(key, created);
      openings.push(this.open(created));
    }

    await Promise.all(openings);
  }

  statusOf(virtualServer: string): TListenerStatus {
    const planError = this.planErrors.get(virtualServer);
    if (planError) return { status: 'error', reason: planError };

    for (const listener of this.listeners.values()) {
      if (!listener.binding.virtualServers.some((vs) => vs.name === virtualServer)) continue;
      if (listener.error) return { status: 'error', reason: listener.error };

      return { status: listener.server ? 'listening' : 'unknown', reason: null };
    }

    return { status: 'unknown', reason: null };
  }

  /** Stops accepting everywhere; sessions in flight go on. */
  stopAccepting(): void {
    for (const listener of this.listeners.values()) listener.server?.close();
    this.listeners.clear();
  }

  dropSessions(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private async open(listener: TListener): Promise<void> {
    const { address, port, key } = listener.binding;
    try {
      const onSocket = (socket: net.Socket) => this.onConnection(listener, socket);
      const server = await openServer(address, port, onSocket);
      if (this.listeners.get(key) !== listener) {
        server.close();
        return;
      }

      listener.server = server;
      listener.error = null;
      this.logger.info({ listener: key }, 'listening');
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      listener.error = code ? `${code}: ${describeBindError(code, address, port)}` : message;
      this.logger.error({ listener: key, reason: listener.error }, 'listener failed');
    }
  }

  private onConnection(listener: TListener, socket: net.Socket): void {
    const localAddress = socket.localAddress ?? '';
    let virtualServer = listener.routes.get(localAddress);
    if (virtualServer === undefined) {
      virtualServer = pickVirtualServer(listener.binding.virtualServers, localAddress);
      listener.routes.set(localAddress, virtualServer);
    }

    // A wildcard socket also receives connections for addresses no destination covers.
    if (virtualServer === null) {
      socket.destroy();
      return;
    }

    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    this.dispatch(socket, virtualServer);
  }
}

function describeBindError(code: string, address: string, port: number): string {
  if (code === 'EADDRINUSE') return `${address}:${port} is already in use`;
  if (code === 'EADDRNOTAVAIL') return `${address} is not an address of this machine`;
  if (code === 'EACCES') return `no permission to listen on port ${port}`;

  return `cannot listen on ${address}:${port}`;
}
