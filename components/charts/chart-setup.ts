/**
 * chart.js, tree-shaken: only the controllers, elements, scales and plugins the app's charts use.
 * Imported lazily by `rack-chart`, so chart.js is never part of the first load.
 * @module
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);

export { Chart };
