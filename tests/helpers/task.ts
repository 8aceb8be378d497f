/** A task as the reader gives it, for core tests that build tasks directly. */
import type { Category, Task } from "../../src/core";

/** Task number `id` on row `id`, led by 区发改局, with the fields a test names replaced. */
export function makeTask(id: number, category: Category | null, fields: Partial<Task> = {}): Task {
  const leads = fields.leads ?? ["区发改局"];
  return {
    id: String(id),
    number: id,
    subItem: null,
    label: `第${id}项`,
    row: id,
    text: `任务${id}`,
    leadText: leads.join("、"),
    section: null,
    target: "",
    targetKind: "quarter",
    progress: "",
    statusText: "",
    reason: "",
    nextSteps: "",
    ...fields,
    leads,
    category,
  };
}
