// The evaluation after a closed incident, and the yearly policy evaluation.
import type { TFeature } from "../feature.ts";
import { DUTY_JOB_KINDS } from "../retention/dutyJobs.ts";
import { evaluationRequestMessage, policyEvaluationRequestMessage } from "./evaluationMessages.ts";
import { requestIncidentEvaluation } from "./requestIncidentEvaluation.ts";
import { requestPolicyEvaluation, seedPolicyEvaluation } from "./requestPolicyEvaluation.ts";

export const evaluationFeature: TFeature = {
  name: "evaluation",
  messageKinds: [evaluationRequestMessage, policyEvaluationRequestMessage],
  jobHandlers: (deps) => ({
    [DUTY_JOB_KINDS.evaluationRequest]: requestIncidentEvaluation(deps),
    [DUTY_JOB_KINDS.policyEvaluation]: requestPolicyEvaluation(deps),
  }),
  seed: async (deps) => {
    await seedPolicyEvaluation(deps);
  },
};
