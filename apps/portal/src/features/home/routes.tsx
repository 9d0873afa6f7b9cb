import { HomePage } from './components/HomePage';

/** Mounted at the index route "/"; a single page, so no nested router. */
export default function HomeRoutes() {
  return <HomePage />;
}
