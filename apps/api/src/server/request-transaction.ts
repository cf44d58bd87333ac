/**
 * One database transaction per request, opened on first use under the caller's scope (row-level
 * security as the application role) and ended when the response is ready: committed when the
 * request succeeded, rolled back when any error was raised, so a request's writes are all or nothing.
 */
import { type Database, type Scope, type Transaction, withScope } from '@vcc/db';

class Rollback extends Error {}

export class RequestTransaction {
  private opened: Promise<Transaction> | null = null;
  private finish: ((commit: boolean) => void) | null = null;
  private done: Promise<void> | null = null;
  private readonly committed: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly scope: Scope,
  ) {}

  get(): Promise<Transaction> {
    if (!this.opened) {
      this.opened = new Promise<Transaction>((resolveTx, rejectTx) => {
        const decided = new Promise<boolean>((resolve) => {
          this.finish = resolve;
        });
        this.done = withScope(this.db, this.scope, async (tx) => {
          resolveTx(tx);
          if (!(await decided)) throw new Rollback();
        }).catch((error: unknown) => {
          if (!(error instanceof Rollback)) rejectTx(error);
          if (!(error instanceof Rollback)) throw error;
        });
        // A lost connection fails the transaction before the request ends it; `end` still sees the
        // failure, but until then it must not count as unhandled (which ends the process).
        this.done.catch(() => {});
      });
    }
    return this.opened;
  }

  /** Runs `effect` once the transaction has committed (not at all if it rolls back). */
  afterCommit(effect: () => void): void {
    this.committed.push(effect);
  }

  /** Commits (or rolls back) if a transaction was opened; resolves when it has ended. */
  async end(commit: boolean): Promise<void> {
    if (!this.finish) return;
    this.finish(commit);
    this.finish = null;
    await this.done;
    if (commit) for (const effect of this.committed.splice(0)) effect();
  }
}
