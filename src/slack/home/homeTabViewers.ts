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
    // Raw, on the driver: read after every report's messages, where the ORM would be most of the cost.
    const rows = await this.database.sql.$queryRaw<{ user_id: string }[]>`
      SELECT user_id FROM home_tab_viewer
      WHERE user_id = ANY(${[...userIds]}::text[]) AND opened_at > ${new Date(now.getTime() - HOME_VIEWER_DAYS * 86_400_000)}`;
    return new Set(rows.map((row) => row.user_id));
  }
}
