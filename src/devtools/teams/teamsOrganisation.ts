/**
 * A Teams organisation in the Bot Connector stand-in, as an administrator following docs/teams.md
 * leaves it: the privacy officers' team with its incident channel, the management team, the app
 * installed in both teams and for the privacy officers, a staff member and a manager; and the
 * settings that point the bot at it. Used by the Teams tests and `npx datalek demo --platform teams`.
 */
import { BotConnectorStandIn, type StandInTeam, type StandInUser } from "./botConnectorStandIn.ts";
import { TeamsActivities } from "./teamsActivities.ts";

export const TEAMS_APP_ID = "00000000-aaaa-4bbb-8ccc-000000000001";
export const TEAMS_APP_PASSWORD = "stand-in-secret-0123456789";
export const TEAMS_TENANT_ID = "11111111-2222-4333-8444-555555555555";

export interface TTeamsOrganisation {
  standIn: BotConnectorStandIn;
  activities: TeamsActivities;
  people: {
    dpo: StandInUser;
    secondDpo: StandInUser;
    staff: StandInUser;
    manager: StandInUser;
  };
  privacyTeam: StandInTeam;
  managementTeam: StandInTeam;
  /** The privacy officers' incident channel. */
  dpoChannelId: string;
  managementChannelId: string;
  /** The Teams settings for this organisation (Teams only: no Slack setting). */
  settings: Record<string, string>;
}

export async function startTeamsOrganisation(
  options: { names?: Partial<Record<keyof TTeamsOrganisation["people"], string>> } = {},
): Promise<TTeamsOrganisation> {
  const standIn = await BotConnectorStandIn.start({
    appId: TEAMS_APP_ID,
    appPassword: TEAMS_APP_PASSWORD,
    tenantId: TEAMS_TENANT_ID,
  });
  const people = {
    dpo: standIn.addUser({ name: options.names?.dpo ?? "Priya de Boer" }),
    secondDpo: standIn.addUser({ name: options.names?.secondDpo ?? "Sander Visser" }),
    staff: standIn.addUser({ name: options.names?.staff ?? "Fleur Jansen" }),
    manager: standIn.addUser({ name: options.names?.manager ?? "Marco Bakker" }),
  };
  const privacyTeam = standIn.addTeam({
    name: "Privacy",
    channels: ["Incidenten"],
    memberIds: [people.dpo.id, people.secondDpo.id],
  });
  const managementTeam = standIn.addTeam({ name: "Directie", channels: ["Management"], memberIds: [people.manager.id] });
  standIn.installInTeam(privacyTeam.id);
  standIn.installInTeam(managementTeam.id);
  // The administrator pre-installs the app for the privacy officers (docs/teams.md); staff install it themselves.
  standIn.installPersonalApp(people.dpo.id);
  standIn.installPersonalApp(people.secondDpo.id);
  const dpoChannelId = privacyTeam.channels[1]!.id;
  const managementChannelId = managementTeam.channels[1]!.id;
  return {
    standIn,
    activities: new TeamsActivities(standIn),
    people,
    privacyTeam,
    managementTeam,
    dpoChannelId,
    managementChannelId,
    settings: {
      TEAMS_APP_ID,
      TEAMS_APP_PASSWORD,
      TEAMS_TENANT_ID,
      TEAMS_DPO_USER_IDS: `${people.dpo.aadObjectId},${people.secondDpo.aadObjectId}`,
      TEAMS_MANAGEMENT_USER_IDS: people.manager.aadObjectId,
      TEAMS_DPO_CHANNEL_ID: dpoChannelId,
      TEAMS_MANAGEMENT_CHANNEL_ID: managementChannelId,
      TEAMS_SERVICE_URL: standIn.serviceUrl,
      TEAMS_LOGIN_URL: standIn.loginEndpoint,
      TEAMS_OPENID_METADATA_URL: standIn.openIdMetadataUrl,
      TEAMS_TOKEN_SERVICE_URL: standIn.tokenServiceUrl,
    },
  };
}

/** What Teams sends when a person installs the app (or it was installed for them): the bot learns their chat. */
export async function announceInstallation(org: TTeamsOrganisation, botUrl: string, user: StandInUser): Promise<void> {
  if (!org.standIn.personalConversationOf(user.id)) org.standIn.installPersonalApp(user.id);
  const answer = await org.standIn.sendActivity(botUrl, org.activities.personalInstallation(user.id));
  if (answer.status >= 300) throw new Error(`installation activity answered ${answer.status}`);
}
