// Where the bot can reach a person or a channel proactively (table
// teams_conversation). Teams names a personal chat's id, the person's Teams
// user id and the service URL only in activities it sends, so every
// activity from a person updates their row; a channel's row says which
// service URL answers for it.
import type { Database } from "../../core/storage/openDatabase.ts";

export interface TConversationRow {
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  userId: string | null;
  locale: string | null;
  name: string | null;
}

export const personKey = (objectId: string) => `person:${objectId.toLowerCase()}`;
export const channelKey = (channelId: string) => `channel:${channelId}`;

export class TeamsConversations {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  async find(key: string): Promise<TConversationRow | undefined> {
    const row = await this.database.prisma.teamsConversation.findUnique({ where: { key } });
    return row ?? undefined;
  }

  /** What an activity from a person taught: their personal chat (when it was one), their user id, language and name. */
  async rememberPerson(
    objectId: string,
    seen: { conversationId?: string; serviceUrl: string; tenantId: string; userId: string; locale?: string; name?: string },
  ): Promise<void> {
    const key = personKey(objectId);
    if (seen.name) this.names.set(objectId.toLowerCase(), seen.name);
    const common = {
      serviceUrl: seen.serviceUrl,
      tenantId: seen.tenantId,
      userId: seen.userId,
      ...(seen.locale ? { locale: seen.locale } : {}),
      ...(seen.name ? { name: seen.name } : {}),
      updatedAt: this.now(),
    };
    await this.database.prisma.teamsConversation.upsert({
      where: { key },
      // Without a personal chat yet, the row holds what is needed to create one.
      create: { key, conversationId: seen.conversationId ?? "", ...common },
      update: { ...common, ...(seen.conversationId ? { conversationId: seen.conversationId } : {}) },
    });
  }

  async rememberConversation(key: string, conversationId: string, serviceUrl: string, tenantId: string): Promise<void> {
    await this.database.prisma.teamsConversation.upsert({
      where: { key },
      create: { key, conversationId, serviceUrl, tenantId, updatedAt: this.now() },
      update: { conversationId, serviceUrl, updatedAt: this.now() },
    });
  }

  /** A personal chat that Teams says no longer exists: forgotten, so the next attempt creates it again. */
  async forgetConversation(key: string): Promise<void> {
    await this.database.prisma.teamsConversation.updateMany({
      where: { key },
      data: { conversationId: "", updatedAt: this.now() },
    });
  }

  /** A person's name as Teams last gave it (cached after the first look-up). */
  async nameOf(objectId: string): Promise<string | undefined> {
    const id = objectId.toLowerCase();
    const cached = this.names.get(id);
    if (cached) return cached;
    const row = await this.find(personKey(id));
    if (row?.name) this.names.set(id, row.name);
    return row?.name ?? undefined;
  }

  /** Names known from earlier activities, so cards name people after a restart too. */
  async loadNames(): Promise<void> {
    const rows = await this.database.prisma.teamsConversation.findMany({
      where: { key: { startsWith: "person:" }, name: { not: null } },
      select: { key: true, name: true },
    });
    for (const row of rows) if (row.name) this.names.set(row.key.slice("person:".length), row.name);
  }

  cachedName(objectId: string): string | undefined {
    return this.names.get(objectId.toLowerCase());
  }
}
