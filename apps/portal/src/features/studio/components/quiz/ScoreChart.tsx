import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart with a tooltip needs: the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** --color-primary and --color-text-muted of styles.css (a canvas cannot read CSS variables by itself). */
const BAR_COLOUR = '#a4161a';
const TEXT_COLOUR = '#4a4a52';
const GRID_COLOUR = '#d6d3cf';
/** Larger than Chart.js's 12 px: teachers read this on phones. */
const FONT = { size: 14 };

export interface ScoreChartProps {
  labels: string[];
  counts: number[];
  /** The canvas's accessible name, and the id of the text that describes what it shows. */
  label: string;
  describedBy: string;
  xTitle: string;
  yTitle: string;
}

/**
 * A bar chart of attempts per score range, drawn by Chart.js on a canvas. The canvas is an image to
 * assistive technology: its name and description come from the page (a summary and a table of the
 * same numbers). Loaded on its own (React.lazy), so Chart.js is fetched only when statistics are shown.
 */
export function ScoreChart({ labels, counts, label, describedBy, xTitle, yTitle }: ScoreChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // Drawn anew when the figures change (statistics fetched again, another language): rare enough.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: [{ label: yTitle, data: counts, backgroundColor: BAR_COLOUR, maxBarThickness: 48 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 300 },
        plugins: { tooltip: { displayColors: false } },
        scales: {
          x: {
            title: { display: true, text: xTitle, color: TEXT_COLOUR, font: FONT },
            ticks: { color: TEXT_COLOUR, autoSkip: true, maxRotation: 0, font: FONT },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: yTitle, color: TEXT_COLOUR, font: FONT },
            ticks: { color: TEXT_COLOUR, precision: 0, font: FONT },
            grid: { color: GRID_COLOUR },
          },
        },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [labels, counts, xTitle, yTitle]);

  return (
    <div className="score-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}
