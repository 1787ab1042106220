/**
 * Charts drawn as SVG at build time: the page shows them with no script and
 * no library, and the same rows always give the same bytes.
 */
import { escapeHtml, formatCount, truncate } from './html.ts';

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  value: number;
  colour: string;
  /** Shown by the browser on hover (the SVG <title>). */
  title: string;
}

/** One row of the timeline: a stretch of days, drawn from its first to its last day. */
export interface TimelineRow {
  label: string;
  /** First and last day covered, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  count: number;
  colour: string;
  title: string;
  /** Where the row links to (its first occurrence). */
  href: string;
}

/** A tick on the time axis. */
export interface TimeTick {
  day: number;
  label: string;
}

const CHART_WIDTH = 760;
const ROW_HEIGHT = 22;
const LABEL_CHARACTERS = 34;
const DAY_MILLISECONDS = 86_400_000;

/** Rounds a coordinate to one decimal, which keeps the SVG small and its bytes stable. */
function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Days since 1970-01-01 of an ISO day (UTC, so the machine's time zone cannot shift it). */
export function dayNumber(isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MILLISECONDS);
}

function isoDayOf(day: number): string {
  return new Date(day * DAY_MILLISECONDS).toISOString().slice(0, 10);
}

/**
 * Ticks for a span of days: years (every 1, 2, 5, 10... years) for spans over
 * two years, else months (every 1, 2, 3 or 6), else days; at most about 8.
 */
export function timeTicks(firstDay: number, lastDay: number): TimeTick[] {
  const maximumTicks = 8;
  const first = new Date(firstDay * DAY_MILLISECONDS);
  const last = new Date(lastDay * DAY_MILLISECONDS);
  const ticks: TimeTick[] = [];
  if (lastDay - firstDay > 730) {
    const years = last.getUTCFullYear() - first.getUTCFullYear();
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((candidate) => years / candidate <= maximumTicks) ?? 1000;
    for (let year = Math.ceil(first.getUTCFullYear() / step) * step; year <= last.getUTCFullYear(); year += step) {
      const day = Math.floor(Date.UTC(year, 0, 1) / DAY_MILLISECONDS);
      if (day >= firstDay) ticks.push({ day, label: String(year) });
    }
  } else if (lastDay - firstDay > 60) {
    const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
    const step = [1, 2, 3, 6, 12].find((candidate) => months / candidate <= maximumTicks) ?? 12;
    const firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth() + (first.getUTCDate() === 1 ? 0 : 1);
    for (let month = Math.ceil(firstMonth / step) * step; month <= last.getUTCFullYear() * 12 + last.getUTCMonth(); month += step) {
      const day = Math.floor(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MILLISECONDS);
      ticks.push({ day, label: isoDayOf(day).slice(0, 7) });
    }
  } else {
    const step = [1, 2, 7, 14].find((candidate) => (lastDay - firstDay) / candidate <= maximumTicks) ?? 14;
    for (let day = firstDay; day <= lastDay; day += step) ticks.push({ day, label: isoDayOf(day) });
  }
  return ticks;
}

/** A horizontal bar chart: a label, a bar as long as the value, and the value. */
export function barChart(bars: readonly Bar[], description: string): string {
  const labelWidth = 230;
  const countWidth = 56;
  const top = 4;
  const height = top + bars.length * ROW_HEIGHT + 4;
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const scale = (CHART_WIDTH - labelWidth - countWidth) / largest;
  const rows = bars.map((bar, index) => {
    const y = top + index * ROW_HEIGHT;
    const width = Math.max(2, bar.value * scale);
    return (
      `<g><title>${escapeHtml(bar.title)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(truncate(bar.label, LABEL_CHARACTERS))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${coordinate(width)}" height="${ROW_HEIGHT - 6}" rx="2" fill="${bar.colour}"/>` +
      `<text class="count" x="${coordinate(labelWidth + width + 6)}" y="${y + 15}">${formatCount(bar.value)}</text></g>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(description)}">${rows.join('')}</svg>`;
}

/**
 * A timeline: one row per entry, sorted as given, with a bar from its first
 * to its last day on a shared time axis, the label on the left and the
 * number of occurrences on the right. Each row links to an occurrence.
 */
export function timelineChart(rows: readonly TimelineRow[], description: string): string {
  const labelWidth = 150;
  const countWidth = 48;
  const axisHeight = 26;
  const plotWidth = CHART_WIDTH - labelWidth - countWidth;
  const firstDay = Math.min(...rows.map((row) => dayNumber(row.startDate)));
  // The axis runs to the end of the last day, and at least one day, so a single day still has a width.
  const lastDay = Math.max(firstDay + 1, ...rows.map((row) => dayNumber(row.endDate) + 1));
  const x = (day: number): number => labelWidth + ((day - firstDay) / (lastDay - firstDay)) * plotWidth;
  const height = axisHeight + rows.length * ROW_HEIGHT + 6;
  const ticks = timeTicks(firstDay, lastDay).map(
    (tick) =>
      `<g class="tick"><line class="axis" x1="${coordinate(x(tick.day))}" y1="${axisHeight - 6}" x2="${coordinate(x(tick.day))}" y2="${height}"/>` +
      `<text x="${coordinate(x(tick.day))}" y="${axisHeight - 10}" text-anchor="middle">${escapeHtml(tick.label)}</text></g>`,
  );
  const entries = rows.map((row, index) => {
    const y = axisHeight + index * ROW_HEIGHT;
    const width = Math.max(4, x(dayNumber(row.endDate) + 1) - x(dayNumber(row.startDate)));
    // A bar widened to stay visible must still end inside the plot.
    const start = Math.min(x(dayNumber(row.startDate)), labelWidth + plotWidth - width);
    return (
      `<a href="${escapeHtml(row.href)}"><title>${escapeHtml(row.title)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(truncate(row.label, 22))}</text>` +
      `<rect x="${coordinate(start)}" y="${y + 5}" width="${coordinate(width)}" height="${ROW_HEIGHT - 10}" rx="2" fill="${row.colour}"/>` +
      `<text class="count" x="${CHART_WIDTH - countWidth + 8}" y="${y + 15}">×${formatCount(row.count)}</text></a>`
    );
  });
  return (
    // A group, not an image: the rows are links that keyboard and screen reader users must reach.
    `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="group" aria-label="${escapeHtml(description)}">` +
    `<line class="axis" x1="${labelWidth}" y1="${axisHeight - 6}" x2="${labelWidth + plotWidth}" y2="${axisHeight - 6}"/>${ticks.join('')}${entries.join('')}</svg>`
  );
}
