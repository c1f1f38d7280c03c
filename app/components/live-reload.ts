/**
 * When a page that follows a change stream (the live board, the big screen) reloads its data.
 *
 * Remix aborts a data load in flight when another load or a navigation starts, and when that
 * abort lands while the answer's body is still streaming in, single fetch's decoder logs it as
 * an error ("AbortError: BodyStreamBuffer was aborted") besides dropping the answer. The server
 * sends a change at most every 250 ms, and a board's load on a busy machine takes longer, so
 * reloading on every change aborted the previous reload. Instead a change that arrives while the
 * router is busy (loading, submitting, navigating) is remembered, and one reload follows once the
 * router is idle again: no load is cut short by the stream, and the last change is never missed.
 */
export class LiveReload {
  private busy = false;
  private pending = false;

  constructor(private readonly reload: () => void) {}

  /** The server says the data changed. */
  changed(): void {
    if (this.busy) this.pending = true;
    else this.start();
  }

  /** The router's state as the page last rendered it: whether a load or navigation is under way. */
  settle(busy: boolean): void {
    this.busy = busy;
    if (!busy && this.pending) {
      this.pending = false;
      this.start();
    }
  }

  /** The stream closed (page hidden or left): a remembered change has no page to reload. */
  stop(): void {
    this.pending = false;
  }

  private start(): void {
    // Busy from now on, before the router's new state has rendered: a second change in between
    // waits instead of aborting this reload.
    this.busy = true;
    this.reload();
  }
}
