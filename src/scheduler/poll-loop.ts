// The polling behind a run's watchers (score requests, usage): one poll at a time, every `pollMs`,
// and a chain that never rejects. A rejected poll would stop every later one and surface as an
// unhandled rejection, which ends the whole bench process and every run beside this one.

export class PollLoop {
  readonly #poll: () => unknown;
  readonly #onError: (error: unknown) => void;
  readonly #pollMs: number;
  #timer: NodeJS.Timeout | undefined;
  #busy: Promise<void> = Promise.resolve();

  constructor(poll: () => unknown, onError: (error: unknown) => void, pollMs = 500) {
    this.#poll = poll;
    this.#onError = onError;
    this.#pollMs = pollMs;
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.#busy = this.#busy
        .then(() => this.#poll())
        .then(
          () => undefined,
          (error: unknown) => this.#onError(error),
        );
    }, this.#pollMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for the poll in progress, if any. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#busy;
  }
}
