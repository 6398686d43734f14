// Every interaction gets an answer at once. A button or form nobody listens
// for (an old button from an earlier release, a forged action) would leave
// Bolt waiting three seconds and then answer 404; instead it is
// acknowledged, and the person is told the button no longer does anything.
// The listeners' action ids and callback ids are recorded as they are
// registered, so the guard knows what some listener will handle.
import type { AnyMiddlewareArgs, App, Middleware } from "@slack/bolt";

type TConstraint = string | RegExp | { action_id?: string | RegExp; callback_id?: string | RegExp } | undefined;

function matches(constraint: TConstraint, id: string): boolean {
  if (constraint === undefined) return true;
  if (typeof constraint === "string") return constraint === id;
  if (constraint instanceof RegExp) return constraint.test(id);
  const inner = constraint.action_id ?? constraint.callback_id;
  return inner === undefined ? true : matches(inner, id);
}

export interface TListenerRegistry {
  handlesAction(actionId: string): boolean;
  handlesView(callbackId: string): boolean;
}

/** Wraps app.action and app.view so every registration is recorded; call before registering listeners. */
export function recordListeners(app: App): TListenerRegistry {
  const actions: TConstraint[] = [];
  const views: TConstraint[] = [];
  const action = app.action.bind(app);
  const view = app.view.bind(app);
  app.action = ((constraint: TConstraint, ...listeners: unknown[]) => {
    actions.push(constraint);
    return (action as (...args: unknown[]) => void)(constraint, ...listeners);
  }) as App["action"];
  app.view = ((constraint: TConstraint, ...listeners: unknown[]) => {
    views.push(constraint);
    return (view as (...args: unknown[]) => void)(constraint, ...listeners);
  }) as App["view"];
  return {
    handlesAction: (actionId) => actions.some((constraint) => matches(constraint, actionId)),
    handlesView: (callbackId) => views.some((constraint) => matches(constraint, callbackId)),
  };
}

/**
 * Acknowledges interactions no listener handles. `onUnknownClick` tells the
 * person (through the outbox); it must not wait on anything slow.
 */
export function acknowledgeUnmatched(
  registry: TListenerRegistry,
  onUnknownClick: (userId: string, where: { channel?: string; threadTs?: string }) => void,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as {
      type?: unknown;
      actions?: unknown;
      view?: { callback_id?: unknown };
      user?: { id?: unknown };
      channel?: { id?: unknown };
      container?: { thread_ts?: unknown };
    };
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (body.type === "block_actions" && Array.isArray(body.actions)) {
      const ids = body.actions.map((action) => (action as { action_id?: unknown })?.action_id);
      if (ids.length === 0 || ids.some((id) => typeof id !== "string" || !registry.handlesAction(id))) {
        await ack?.();
        if (typeof body.user?.id === "string")
          onUnknownClick(body.user.id, {
            ...(typeof body.channel?.id === "string" ? { channel: body.channel.id } : {}),
            ...(typeof body.container?.thread_ts === "string" ? { threadTs: body.container.thread_ts } : {}),
          });
        return;
      }
    }
    if (
      (body.type === "view_submission" || body.type === "view_closed") &&
      !(typeof body.view?.callback_id === "string" && registry.handlesView(body.view.callback_id))
    ) {
      await ack?.();
      return;
    }
    await args.next();
  };
}
