"use client";

import { ScatterPlotCanvas, type ScatterPlotCustomCanvasLayer, type ScatterPlotDatum } from "@nivo/scatterplot";
import { useLocale, useTranslations } from "next-intl";
import type { BandChart } from "@/lib/contracts/regression-band-view";
import { useElementWidth } from "./hooks/use-element-width";

const INSIDE = "#1f6feb";
const OUTSIDE = "#d9480f";
const CURVE = "#17202a";
const MARGIN = { top: 16, right: 24, bottom: 60, left: 80 };
const HEIGHT = 440;
const THEME = { text: { fontSize: 12, fill: "#5d6b7a" }, grid: { line: { stroke: "#e9edf2" } }, axis: { domain: { line: { stroke: "#dde3ea" } } } };

type Scale = (value: number) => number;

function tracePath(ctx: CanvasRenderingContext2D, points: [number, number][]) {
  points.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
}

/** The band as a shaded area with dashed edges, under the points. */
function bandLayer(curve: BandChart["curve"]): ScatterPlotCustomCanvasLayer<ScatterPlotDatum> {
  return (ctx, { xScale, yScale }) => {
    const x = xScale as unknown as Scale;
    const y = yScale as unknown as Scale;
    const upper = curve.map(([at, , , high]): [number, number] => [x(at), y(high)]);
    const lower = curve.map(([at, , low]): [number, number] => [x(at), y(low)]);
    ctx.save();
    ctx.beginPath();
    tracePath(ctx, [...upper, ...lower.reverse()]);
    ctx.closePath();
    ctx.fillStyle = "rgba(31, 111, 235, 0.10)";
    ctx.fill();
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = "rgba(31, 111, 235, 0.75)";
    ctx.lineWidth = 1.25;
    for (const edge of [upper, lower]) {
      ctx.beginPath();
      tracePath(ctx, edge);
      ctx.stroke();
    }
    ctx.restore();
  };
}

/** The fitted curve, over the points. */
function curveLayer(curve: BandChart["curve"]): ScatterPlotCustomCanvasLayer<ScatterPlotDatum> {
  return (ctx, { xScale, yScale }) => {
    const x = xScale as unknown as Scale;
    const y = yScale as unknown as Scale;
    ctx.save();
    ctx.beginPath();
    tracePath(ctx, curve.map(([at, p]): [number, number] => [x(at), y(p)]));
    ctx.strokeStyle = CURVE;
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.restore();
  };
}

/**
 * The scatter of y against x with the points inside the band and outside it in two colours,
 * the band shaded between its edges and the fitted curve on top. Drawn on a canvas: up to
 * several thousand points.
 */
export function BandScatter({ chart, xLabel, yLabel }: { chart: BandChart; xLabel: string; yLabel: string }) {
  const t = useTranslations("analyses.band");
  const locale = useLocale();
  const [box, width] = useElementWidth();

  const points = [...chart.drawn.inside, ...chart.drawn.outside];
  const xs = [...points.map((point) => point[0]), ...chart.curve.map((point) => point[0])];
  const ys = [...points.map((point) => point[1]), ...chart.curve.flatMap((point) => [point[2], point[3]])];
  const insideLabel = t("inside");
  const outsideLabel = t("outside");
  const data = [
    { id: insideLabel, data: chart.drawn.inside.map(([x, y]) => ({ x, y })) },
    { id: outsideLabel, data: chart.drawn.outside.map(([x, y]) => ({ x, y })) },
  ];
  const drawn = points.length;

  return (
    <div className="panel chart-panel">
      <div className="chart-tools">
        <div className="legend">
          <span>
            <span className="dot" style={{ background: INSIDE }} /> {insideLabel}
          </span>
          <span>
            <span className="dot" style={{ background: OUTSIDE }} /> {outsideLabel}
          </span>
          <span>
            <span className="swatch" style={{ background: CURVE }} /> {t("curve")}
          </span>
          <span>
            <span className="swatch dashed" /> {t("bandEdges")}
          </span>
        </div>
        <span className="muted chart-status" data-testid="band-drawn">
          {drawn < chart.counts.points ? t("thinned", { drawn: drawn.toLocaleString(locale), total: chart.counts.points.toLocaleString(locale) }) : t("allDrawn", { total: chart.counts.points.toLocaleString(locale) })}
        </span>
      </div>
      <div ref={box} className="chart-box" style={{ height: HEIGHT }} data-testid="band-scatter">
        {width > 0 && xs.length > 0 ? (
          <ScatterPlotCanvas
            width={width}
            height={HEIGHT}
            data={data}
            margin={MARGIN}
            xScale={{ type: "linear", min: Math.min(...xs), max: Math.max(...xs), nice: true }}
            yScale={{ type: "linear", min: Math.min(...ys), max: Math.max(...ys), nice: true }}
            colors={[INSIDE, OUTSIDE]}
            nodeSize={4}
            layers={["grid", "axes", bandLayer(chart.curve), "nodes", curveLayer(chart.curve), "mesh"]}
            axisBottom={{ legend: xLabel, legendPosition: "middle", legendOffset: 44, tickPadding: 6 }}
            axisLeft={{ legend: yLabel, legendPosition: "middle", legendOffset: -64, tickPadding: 6 }}
            theme={THEME}
            tooltip={({ node }) => (
              <div className="chart-readout static">
                <div>
                  <span className="dot" style={{ background: node.color }} /> {node.serieId}
                </div>
                <div>
                  {xLabel}: <strong>{Number(node.xValue).toLocaleString(locale, { maximumFractionDigits: 4 })}</strong>
                </div>
                <div>
                  {yLabel}: <strong>{Number(node.yValue).toLocaleString(locale, { maximumFractionDigits: 4 })}</strong>
                </div>
              </div>
            )}
          />
        ) : (
          <div className="empty">{t("noPoints")}</div>
        )}
      </div>
    </div>
  );
}
