import type { CampaignStage } from '@hocvu/contracts';
import {
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a line chart with a legend and a tooltip needs: the rest of Chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * One colour and one dash per stage, so the lines differ without colour too. Colours of styles.css
 * (link, visited link, warning border, success, primary): each at least 5:1 on white.
 */
const STAGE_STYLE: Record<
  CampaignStage,
  { colour: string; dash: number[]; point: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' }
> = {
  registered: { colour: '#0b4f9c', dash: [], point: 'circle' },
  enrolled: { colour: '#5b2c83', dash: [6, 4], point: 'rect' },
  completed: { colour: '#8a5a00', dash: [2, 3], point: 'triangle' },
  certified: { colour: '#146c2e', dash: [10, 4], point: 'rectRot' },
  confirmed: { colour: '#a4161a', dash: [], point: 'crossRot' },
};
const TEXT_COLOUR = '#4a4a52';
const GRID_COLOUR = '#d6d3cf';
/** Larger than Chart.js's 12 px: officials read this on phones. */
const FONT = { size: 14 };

export interface CampaignChartProps {
  labels: string[];
  series: { stage: CampaignStage; label: string; values: number[] }[];
  /** The canvas's accessible name, and the id of the text that says what it shows. */
  label: string;
  describedBy: string;
  xTitle: string;
  yTitle: string;
  /** Formats the axis and tooltip numbers the reader's way (12.345). */
  formatNumber: (value: number) => string;
}

/**
 * Learners reaching each stage of the campaign per week, drawn by Chart.js. The canvas is an image to
 * assistive technology: the page gives its name, a summary and a table of the same numbers. Loaded on
 * its own (React.lazy), so Chart.js is fetched only when a dashboard with weekly figures is shown.
 */
export function CampaignChart({
  labels,
  series,
  label,
  describedBy,
  xTitle,
  yTitle,
  formatNumber,
}: CampaignChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels,
        datasets: series.map((line) => {
          const style = STAGE_STYLE[line.stage];
          return {
            label: line.label,
            data: line.values,
            borderColor: style.colour,
            backgroundColor: style.colour,
            borderDash: style.dash,
            borderWidth: 2,
            pointStyle: style.point,
            pointRadius: labels.length > 20 ? 2 : 4,
            tension: 0,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 300 },
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { color: TEXT_COLOUR, font: FONT, usePointStyle: true, boxWidth: 10, boxHeight: 10 },
          },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw))}` },
          },
        },
        scales: {
          x: {
            title: { display: true, text: xTitle, color: TEXT_COLOUR, font: FONT },
            ticks: { color: TEXT_COLOUR, autoSkip: true, maxRotation: 0, font: FONT },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: yTitle, color: TEXT_COLOUR, font: FONT },
            ticks: {
              color: TEXT_COLOUR,
              precision: 0,
              font: FONT,
              callback: (value) => formatNumber(Number(value)),
            },
            grid: { color: GRID_COLOUR },
          },
        },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [labels, series, xTitle, yTitle, formatNumber]);

  return (
    <div className="campaign-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}
