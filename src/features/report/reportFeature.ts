// Reporting a breach: the form, the incident, the receipt.
import type { TFeature } from "../feature.ts";
import { reportReceiptMessage } from "./reportMessages.ts";

export const reportFeature: TFeature = {
  name: "report",
  messageKinds: [reportReceiptMessage],
};
