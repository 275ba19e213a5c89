import type { TSnapshot } from '@portcullis/contracts';

export type TSnapshotListener = (snapshot: TSnapshot) => void;

/**
 * Fans the newest snapshot out to everything in this process that streams it
 * (the workers' SSE connections). A snapshot arrives twice when this process made
 * the change (directly, then through NOTIFY); only versions newer than the last
 * one published go out, so each is delivered once and never out of order.
 */
export class SnapshotHub {
  #latest: TSnapshot | undefined;
  readonly #listeners = new Set<TSnapshotListener>();

  get latest(): TSnapshot | undefined {
    return this.#latest;
  }

  publish(snapshot: TSnapshot): boolean {
    if (this.#latest && snapshot.version <= this.#latest.version) return false;

    this.#latest = snapshot;
    for (const listener of this.#listeners) listener(snapshot);

    return true;
  }

  subscribe(listener: TSnapshotListener): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }
}
