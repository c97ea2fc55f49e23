/**
 * Group commit for hot writes: calls that arrive while earlier ones are still
 * at the database go out together, as ONE statement for the whole group.
 *
 * Under load a request's own work is small next to what every statement costs
 * regardless of its size — a round trip on both sockets, executor start-up,
 * a commit and its WAL flush. Sending 20 concurrent intakes as one statement
 * pays that once instead of 20 times, so intake keeps up with the database's
 * row speed. An idle system sees no change: a lone call goes out at once
 * (after the current event-loop turn, so calls parsed together travel
 * together) as a group of one.
 *
 * At most `maxInFlight` groups are at the database at a time; the rest wait
 * and grow into the next group (up to `maxBatch`). A group that fails is
 * tried again one call at a time, so each caller gets its own answer — one
 * bad row never fails its neighbours. Each group is one statement, hence one
 * transaction: a caller is answered only after its row is committed.
 */
export interface BatcherOptions<In, Out> {
  /** writes the group in one statement; answers one result per item, in order */
  run(items: In[]): Promise<Out[]>;
  /** groups at the database at a time (≥ 1) */
  maxInFlight: number;
  /** the largest group */
  maxBatch: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve(out: Out): void;
  reject(err: unknown): void;
}

export class Batcher<In, Out> {
  private queue: Waiting<In, Out>[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** groups sent and items in them: for the bench and the logs */
  readonly stats = { groups: 0, items: 0, retriedAlone: 0, /** summed time groups spent at the database, ms */ busyMs: 0, /** groups sent while another was still out */ overlapped: 0 };

  constructor(private readonly opts: BatcherOptions<In, Out>) {
    if (opts.maxInFlight < 1 || opts.maxBatch < 1) throw new Error('maxInFlight and maxBatch must be at least 1');
  }

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** how the next groups go out, e.g. one at a time on an embedded database */
  configure(opts: Partial<Pick<BatcherOptions<In, Out>, 'maxInFlight' | 'maxBatch'>>): void {
    Object.assign(this.opts, opts);
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.opts.maxInFlight && this.queue.length > 0) void this.send(this.queue.splice(0, this.opts.maxBatch));
    });
  }

  private async send(group: Waiting<In, Out>[]): Promise<void> {
    if (this.inFlight > 0) this.stats.overlapped++;
    this.inFlight++;
    this.stats.groups++;
    this.stats.items += group.length;
    const started = performance.now();
    try {
      await this.runGroup(group);
    } finally {
      this.stats.busyMs += performance.now() - started;
      this.inFlight--;
      this.schedule();
    }
  }

  private async runGroup(group: Waiting<In, Out>[]): Promise<void> {
    let results: Out[];
    try {
      results = await this.opts.run(group.map((w) => w.item));
    } catch (err) {
      if (group.length === 1) {
        group[0].reject(err);
        return;
      }
      // one of them is bad (or the database hiccuped): each on its own, so each caller gets its own answer
      this.stats.retriedAlone += group.length;
      await Promise.all(group.map((w) => this.runGroup([w])));
      return;
    }
    if (results.length !== group.length) {
      const err = new Error(`batch answered ${results.length} results for ${group.length} items`);
      for (const w of group) w.reject(err);
      return;
    }
    group.forEach((w, i) => w.resolve(results[i]));
  }
}
