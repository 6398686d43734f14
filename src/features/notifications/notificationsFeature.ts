// The notifications to the AP and to the people concerned: the drafts, the
// follow-ups and a withdrawal, and that the people were informed. (Its
// buttons on the incident's post: notificationsPostBlocks.ts.)
import type { TFeature } from "../feature.ts";
import { draftSentMessage, notificationDraftMessage, notificationRecordedMessage } from "./notificationsMessages.ts";

export const notificationsFeature: TFeature = {
  name: "notifications",
  messageKinds: [notificationDraftMessage, draftSentMessage, notificationRecordedMessage],
};
