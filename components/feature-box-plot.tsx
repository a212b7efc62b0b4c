"use client";

import { useLocale } from "next-intl";
import { BoxPlot, type BoxPlotDatum } from "@nivo/boxplot";
import type { DistributionSummary } from "@/lib/train/distribution-summary";

const WIDTH = 150;
const HEIGHT = 200;

/**
 * One feature's distribution as a box plot: the box from the lower to the upper quartile,
 * the median, whiskers to the furthest values within 1.5 IQR. The summary is computed on
 * the server over every training sample; nivo draws a precomputed summary as it is.
 */
export function FeatureBoxPlot({ label, summary, color, caption }: { label: string; summary: DistributionSummary; color: string; caption: string }) {
  const locale = useLocale();
  // A rounded cosine near zero reads "0", not "-0".
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 3, signDisplay: "negative" });
  const datum = {
    group: label,
    subGroup: "",
    n: summary.count,
    extrema: [summary.min, summary.max],
    quantiles: [0, 0.25, 0.5, 0.75, 1],
    values: [summary.whiskerLow, summary.q1, summary.median, summary.q3, summary.whiskerHigh],
    mean: summary.mean,
  } as unknown as BoxPlotDatum;
  return (
    <figure className="box-card" data-testid="feature-box" data-feature={label}>
      <BoxPlot
        width={WIDTH}
        height={HEIGHT}
        data={[datum]}
        groups={[label]}
        margin={{ top: 10, right: 12, bottom: 26, left: 52 }}
        padding={0.45}
        colors={[color]}
        borderWidth={1}
        borderColor={{ from: "color", modifiers: [["darker", 0.6]] }}
        medianColor="#17202a"
        whiskerColor={{ from: "color", modifiers: [["darker", 0.6]] }}
        axisLeft={{ tickValues: 5, tickPadding: 4 }}
        axisBottom={{ tickSize: 0, tickPadding: 6 }}
        enableGridY
        isInteractive={false}
        animate={false}
        theme={{ text: { fontSize: 11, fill: "#5d6b7a" }, grid: { line: { stroke: "#e9edf2" } }, axis: { domain: { line: { stroke: "#dde3ea" } } }, translation: {} }}
      />
      <figcaption className="muted">
        {caption}
        <br />
        {number(summary.min)} … {number(summary.max)}
      </figcaption>
    </figure>
  );
}
