// The background loop behind every outbox table (search jobs, e-mail) and the periodic clean-up:
// drain promptly after a write (wake()), and every few seconds so retries happen while nobody writes.
// One run at a time; wakes during a run collapse into a single follow-up run.

export interface OutboxWorker {
  wake(): void;
  stop(): Promise<void>;
}

export interface OutboxWorkerOptions<Result> {
  drain: () => Promise<Result>;
  /** Drain again at once (e.g. a full batch went out without failures). */
  again?: (result: Result) => boolean;
  onResult?: (result: Result) => void;
  onError?: (error: unknown) => void;
  /** Run now and then (every 1,000 rounds), e.g. to delete rows long done. */
  prune?: () => Promise<void>;
  intervalMs: number;
}

export function startOutboxWorker<Result>(options: OutboxWorkerOptions<Result>): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let rounds = 0;

  const tick = () => {
    if (stopped || queued) return;
    queued = true;
    clearTimeout(timer);
    running = running.then(async () => {
      queued = false;
      if (stopped) return;
      try {
        let result: Result;
        do {
          result = await options.drain();
          options.onResult?.(result);
        } while (!stopped && (options.again?.(result) ?? false));
        if (options.prune && ++rounds % 1_000 === 0) await options.prune();
      } catch (error) {
        options.onError?.(error);
      }
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  tick();
  return {
    wake: () => tick(),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
