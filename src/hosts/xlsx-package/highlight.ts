/**
 * The tool's conditional format in a worksheet's XML, in the part after
 * `<sheetData>` (the "tail"): its rules are found by the marker in their
 * formula and removed (a block left without rules goes with them), and the
 * plan's block is put after the sheet's own conditional formats, with a
 * priority after theirs. Everything else of the tail stays as written.
 */
import { rangeAddress, type HighlightPlan } from "../../core";
import { tailElements } from "./read-grid";
import { withPrefix } from "./styles";
import { childrenNamed, escapeAttr, escapeXml, localName, nameAt, prefixOf, splice, type XmlElement } from "./xml";

/** What may follow `<conditionalFormatting>` in a worksheet (CT_Worksheet's order). */
const AFTER_CONDITIONAL_FORMATS = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** Whether a rule is the tool's: its formula carries the marker. */
function isOurs(tail: string, rule: XmlElement, marker: string): boolean {
  return childrenNamed(rule, "formula").some((f) => tail.slice(f.openEnd, f.closeStart).includes(marker));
}

export interface HighlightEdit {
  readonly tail: string;
  /** Conditional-format blocks the tool's rules were taken out of. */
  readonly removed: number;
}

/**
 * Removes the tool's rules from a tail and, when `block` is given, adds the
 * plan's block (`dxfId` from styles.xml).
 */
export function editHighlight(tail: string, marker: string, add?: { plan: HighlightPlan; dxfId: number }): HighlightEdit {
  const { elements, rootClose } = tailElements(tail);
  const prefix = prefixOf(nameAt(tail, rootClose + 2));
  const edits: [number, number, string][] = [];
  let removed = 0;
  let lastKept: XmlElement | undefined;
  const removedSpans: [number, number][] = [];
  for (const el of elements) {
    if (el.local !== "conditionalFormatting") continue;
    const rules = childrenNamed(el, "cfRule");
    const ours = rules.filter((r) => isOurs(tail, r, marker));
    if (ours.length === 0) {
      lastKept = el;
      continue;
    }
    removed++;
    if (ours.length === rules.length) {
      edits.push([el.start, el.end, ""]);
      removedSpans.push([el.start, el.end]);
    } else {
      for (const r of ours) {
        edits.push([r.start, r.end, ""]);
        removedSpans.push([r.start, r.end]);
      }
      lastKept = el;
    }
  }
  if (add && add.plan.ranges.length > 0) {
    // A priority after every rule the sheet keeps (x14 rules in extLst share the numbering).
    let priority = 0;
    for (const m of tail.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) {
      const at = m.index;
      if (removedSpans.some(([s, e]) => at >= s && at < e)) continue;
      priority = Math.max(priority, Number(m[1]));
    }
    const formula = add.plan.formula.replace(/^=/, "");
    const block = withPrefix(
      `<conditionalFormatting sqref="${escapeAttr(add.plan.ranges.map(rangeAddress).join(" "))}">` +
        `<cfRule type="expression" dxfId="${add.dxfId}" priority="${priority + 1}"><formula>${escapeXml(formula)}</formula></cfRule>` +
        `</conditionalFormatting>`,
      prefix,
    );
    const next = elements.find((el) => AFTER_CONDITIONAL_FORMATS.has(localName(el.name)));
    const at = lastKept ? lastKept.end : next ? next.start : rootClose;
    edits.push([at, at, block]);
  }
  return { tail: edits.length === 0 ? tail : splice(tail, edits), removed };
}
