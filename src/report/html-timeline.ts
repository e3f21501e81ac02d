import type { EvidenceItem, TestResult } from "../conformance/verdict.ts";
import { escapeHtml as esc } from "./escape-html.ts";
import { formatDuration, formatOffset } from "./format-time.ts";

/** Tick colours by evidence kind; the legend under each timeline uses the same. */
export const KIND_COLOURS: Readonly<Record<EvidenceItem["kind"], string>> = {
  observed: "#0969da",
  stimulus: "#bc4c00",
  note: "#6e7781",
};

const WIDTH = 1000;
const MARGIN = 10;

/** Inline SVG: the test from start to end, one tick per evidence item, coloured by kind. */
export function renderTimeline(result: TestResult): string {
  const ticks = result.evidence.map((e) => tick(e, result));
  const label = `Timeline of ${result.id}: ${result.evidence.length} evidence items over ${formatDuration(result.durationMs)}`;
  return [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} 40" role="img" aria-label="${esc(label)}">`,
    `<line x1="${MARGIN}" y1="14" x2="${WIDTH - MARGIN}" y2="14" stroke="#8c959f" stroke-width="1"/>`,
    ...ticks,
    `<text x="${MARGIN}" y="36" font-size="11" fill="#57606a">0</text>`,
    `<text x="${WIDTH - MARGIN}" y="36" font-size="11" fill="#57606a" text-anchor="end">${esc(formatDuration(result.durationMs))}</text>`,
    `</svg>`,
  ].join("\n");
}

function tick(item: EvidenceItem, result: TestResult): string {
  const x = tickX(item.at - result.startedAt, result.durationMs).toFixed(1);
  const tip = `${formatOffset(item.at - result.startedAt)} ${item.kind}: ${item.summary}`;
  return `<line class="tick" data-kind="${item.kind}" x1="${x}" y1="4" x2="${x}" y2="24" stroke="${KIND_COLOURS[item.kind]}" stroke-width="2"><title>${esc(tip)}</title></line>`;
}

/** Items outside the test's span (clock skew, late arrivals) are pinned to its ends. */
function tickX(offsetMs: number, durationMs: number): number {
  const fraction = durationMs > 0 ? Math.min(Math.max(offsetMs / durationMs, 0), 1) : 0;
  return MARGIN + fraction * (WIDTH - 2 * MARGIN);
}
