/**
 * An Adaptive Card as lines of text, the way a person reads it in Teams: headings and text, facts as
 * "label: value", inputs as "[label: …]", buttons as "[title]". For the demo's transcript.
 */
export function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const runs = (inlines: unknown) =>
    (Array.isArray(inlines) ? inlines : []).map((run) => String((run as { text?: unknown }).text ?? "")).join("");
  const walk = (element: unknown): void => {
    if (Array.isArray(element)) return element.forEach(walk);
    if (typeof element !== "object" || element === null) return;
    const node = element as Record<string, unknown>;
    switch (node.type) {
      case "AdaptiveCard":
        walk(node.body);
        if (Array.isArray(node.actions)) lines.push(buttons(node.actions));
        return;
      case "TextBlock":
        lines.push(String(node.text ?? ""));
        return;
      case "RichTextBlock":
        lines.push(runs(node.inlines));
        return;
      case "Container":
        walk(node.items);
        return;
      case "ColumnSet": {
        const columns = (Array.isArray(node.columns) ? node.columns : []).map((column) => {
          const inner = cardLines({ type: "Container", items: (column as { items?: unknown }).items });
          return inner.join(" ");
        });
        lines.push(columns.join(": "));
        return;
      }
      case "ActionSet":
        lines.push(buttons(Array.isArray(node.actions) ? node.actions : []));
        return;
      default:
        if (typeof node.type === "string" && node.type.startsWith("Input."))
          lines.push(
            `[${String(node.label ?? node.placeholder ?? node.id)}: ${node.value !== undefined ? String(node.value) : "…"}]`,
          );
    }
  };
  const buttons = (actions: unknown[]) =>
    actions.map((action) => `[${String((action as { title?: unknown }).title ?? "")}]`).join(" ");
  walk(card);
  return lines.filter((line) => line.trim() !== "");
}
