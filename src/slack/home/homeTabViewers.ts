// Who has opened the App Home tab. A tab is only ever seen after
// app_home_opened, which publishes it fresh; so after a change only the
// tabs of people who opened theirs recently are published again, not those
// of every privacy officer, administrator and manager on each click.
import type { Database } from "../../core/storage/openDatabase.ts";

/** Tabs opened longer ago than this are no longer kept up to date (they are refreshed when opened). */
export const HOME_VIEWER_DAYS = 30;
/** A person's visit is written at most this often (a tab opened many times a day is one write). */
const RECORD_EVERY_MS = 60 * 60_000;

export class HomeTabViewers {
  /** When this process last wrote each visit (wall-clock ms). */
  private readonly written = new Map<string, number>();

  constructor(private readonly database: Database) {}

  async recordOpened(userId: string, now: Date): Promise<void> {
    const last = this.written.get(userId);
    if (last !== undefined && Date.now() - last < RECORD_EVERY_MS) return;
    await this.database.prisma.homeTabViewer.upsert({
      where: { userId },
      create: { userId, openedAt: now },
      update: { openedAt: now },
    });
    this.written.set(userId, Date.now());
  }

  /** Of `userIds`, those who opened their tab in the last HOME_VIEWER_DAYS. */
  async recentOf(userIds: readonly string[], now: Date): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.database.prisma.homeTabViewer.findMany({
      where: { userId: { in: [...userIds] }, openedAt: { gt: new Date(now.getTime() - HOME_VIEWER_DAYS * 86_400_000) } },
      select: { userId: true },
    });
    return new Set(rows.map((row) => row.userId));
  }
}
