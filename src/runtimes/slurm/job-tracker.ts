// Follows every job of a sweep with ONE squeue call per poll, whatever the number of jobs: each run
// registers a listener for its job, and the tracker hands each the job's latest state. A job squeue no
// longer lists is asked about once with scontrol (finished jobs stay there for MinJobAge); a job Slurm
// has forgotten is reported as null. Cancellations (and the signals of a forced stop) asked for in the
// same moment go out as one scancel.

import type { ScancelOptions, SlurmCommands, SlurmJobInfo } from "./slurm-cli.js";

export type JobListener = (info: SlurmJobInfo | null) => void;

export class JobTracker {
  readonly #commands: SlurmCommands;
  readonly #pollMs: number;
  readonly #onError: (message: string) => void;
  readonly #listeners = new Map<string, Set<JobListener>>();
  #timer: NodeJS.Timeout | null = null;
  #polling = false;
  /** Job ids waiting to go out in one scancel, by the kind of scancel. */
  readonly #pending = new Map<string, { ids: Set<string>; flush: Promise<void> }>();
  /** squeue calls made so far (tests check the polling is batched). */
  polls = 0;

  constructor(commands: SlurmCommands, options: { pollMs: number; onError?: (message: string) => void }) {
    this.#commands = commands;
    this.#pollMs = options.pollMs;
    this.#onError = options.onError ?? (() => {});
  }

  /** Calls `listener` with the job's state after every poll until the returned function is called. */
  watch(jobId: string, listener: JobListener): () => void {
    let set = this.#listeners.get(jobId);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(jobId, set);
    }
    set.add(listener);
    this.#schedule();
    return () => {
      const current = this.#listeners.get(jobId);
      current?.delete(listener);
      if (current?.size === 0) this.#listeners.delete(jobId);
      if (this.#listeners.size === 0 && this.#timer !== null) {
        clearTimeout(this.#timer);
        this.#timer = null;
      }
    };
  }

  /** Cancels a job; the cancellations of one moment are sent together. */
  cancel(jobId: string): Promise<void> {
    return this.#batched("cancel", jobId, (ids) => this.#commands.scancel(ids));
  }

  /**
   * scancel with options (a signal, to the batch script alone or every process, jobs in one state only),
   * batched like cancel(): the calls of one moment with the same options go out as one.
   */
  scancel(jobId: string, options: ScancelOptions): Promise<void> {
    return this.#batched(JSON.stringify(options), jobId, (ids) => this.#commands.scancel(ids, options));
  }

  #batched(kind: string, jobId: string, send: (ids: string[]) => Promise<void>): Promise<void> {
    const pending = this.#pending.get(kind);
    if (pending !== undefined) {
      pending.ids.add(jobId);
      return pending.flush;
    }
    const ids = new Set([jobId]);
    const flush = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.#pending.delete(kind);
      return send([...ids]);
    });
    this.#pending.set(kind, { ids, flush });
    return flush;
  }

  #schedule(): void {
    if (this.#timer !== null || this.#polling || this.#listeners.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#poll();
    }, this.#pollMs);
  }

  async #poll(): Promise<void> {
    this.#polling = true;
    try {
      const ids = [...this.#listeners.keys()];
      this.polls++;
      const listed = new Map((await this.#commands.squeue(ids)).map((info) => [info.jobId, info]));
      for (const id of ids) {
        let info: SlurmJobInfo | null | undefined = listed.get(id);
        if (info === undefined) info = await this.#commands.showJob(id);
        for (const listener of [...(this.#listeners.get(id) ?? [])]) listener(info);
      }
    } catch (error) {
      // The controller may be restarting: keep following, and say so.
      this.#onError(`following the Slurm jobs failed, retrying: ${(error as Error).message}`);
    } finally {
      this.#polling = false;
      this.#schedule();
    }
  }
}
